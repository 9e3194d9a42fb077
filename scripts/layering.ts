// The project's layering, as rules dependency-cruiser checks (type imports included, parsed by @swc/core:
// the TypeScript 7 compiler has no JavaScript API for it). test/foundation/layering.test.ts (part of
// `npm test`; alone: `npm run layers`) fails on any violation and lists them.
//
//   text      src/text/                 imports nothing of the project
//   core      src/game, src/runes,      the game's numbers and pure planning: imports only the core and
//             src/items, src/weapons,   the text module, never discord.js
//             src/farming, the store's plain shapes (src/characters/types.ts, errors.ts), and
//             src/paths.ts (where the project folder is: a leaf)
//   render    src/render/               imports the core and text; never the store or the router
//   store     src/characters/           imports the core and text; never the renderer or the router
//   router    src/router/               imports the core, text, the renderer, the store's shapes and its
//                                       interface (what handlers are given), never the wiring
//   commands  commands/                 anything below; never another command (only commands/index.ts,
//                                       the registry, imports command modules; files of one command's
//                                       folder import each other)
//   edges     src/bot, src/cli, src/main.ts, src/app.ts, src/services.ts, scripts/: wiring
// And no import cycle anywhere.

import { cruise, type IForbiddenRuleType, type IViolation } from 'dependency-cruiser';

/** The core, and the plain shapes the store hands out (src/characters/types.ts, errors.ts: no database types). */
const CORE = '^(src/(game|runes|items|weapons|farming)/|src/characters/(types|errors)\\.ts$)';
const TEXT = '^src/text/';
const DISCORD = '^(discord\\.js|@discordjs/.*|discord-api-types)($|/)';

export const RULES: IForbiddenRuleType[] = [
  { name: 'no-cycles', comment: 'files that import each other in a loop', severity: 'error', from: {}, to: { circular: true } },
  { name: 'text-is-a-leaf', comment: 'the text module imports nothing of the project', severity: 'error', from: { path: TEXT }, to: { path: '^(src|commands|scripts)/', pathNot: TEXT } },
  {
    name: 'core-imports-only-core',
    comment: 'the core (game, runes, items, weapons, farming) imports only the core and the text module',
    severity: 'error',
    from: { path: CORE },
    to: { path: '^(src|commands)/', pathNot: [CORE, TEXT, '^src/errors\\.ts$', '^src/paths\\.ts$'] },
  },
  { name: 'core-never-discord', comment: 'the core never imports discord.js', severity: 'error', from: { path: CORE }, to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'], path: DISCORD } },
  {
    name: 'render-below-store-and-router',
    comment: 'the renderer imports the core and text, never the store, the router or the wiring',
    severity: 'error',
    from: { path: '^src/render/' },
    to: { path: '^(src/(characters|router|bot|cli|services\\.ts|app\\.ts|main\\.ts)|commands/)', pathNot: '^src/characters/(types|errors)\\.ts$' },
  },
  {
    name: 'store-below-render-and-router',
    comment: 'the store imports the core and text, never the renderer, the router or the wiring',
    severity: 'error',
    from: { path: '^src/characters/' },
    to: { path: '^(src/(render|router|bot|cli|services\\.ts|app\\.ts|main\\.ts)|commands/)' },
  },
  {
    name: 'router-below-commands',
    comment: 'the router uses the core, text, the renderer and the store types; never commands or the wiring',
    severity: 'error',
    from: { path: '^src/router/' },
    to: { path: '^(src/(bot|cli|services\\.ts|app\\.ts|main\\.ts)|commands/)' },
  },
  {
    name: 'router-only-store-types',
    comment: 'the router names the store\'s shapes and its interface (CharacterStore, for handlers), never its modules',
    severity: 'error',
    from: { path: '^src/router/' },
    to: { path: '^src/characters/', pathNot: '^src/characters/(types|errors|store)\\.ts$' },
  },
  {
    name: 'only-the-registry-imports-commands',
    comment: 'a command module is imported by the registry (commands/index.ts) or by files of its own folder only',
    severity: 'error',
    from: { pathNot: ['^commands/index\\.ts$', '^commands/([^/]+)/'] },
    to: { path: '^commands/', pathNot: '^commands/index\\.ts$' },
  },
  {
    name: 'one-command-folder-keeps-to-itself',
    comment: "a command's folder does not import another command",
    severity: 'error',
    from: { path: '^commands/([^/]+)/' },
    to: { path: '^commands/', pathNot: ['^commands/$1/', '^commands/index\\.ts$'] },
  },
  {
    name: 'registry-only-from-the-wiring',
    comment: 'the registry is wired in by the app, the console and the scripts, never by the layers below',
    severity: 'error',
    from: { path: '^src/(game|runes|items|weapons|farming|text|render|characters|router)/' },
    to: { path: '^commands/index\\.ts$' },
  },
];

export interface LayeringReport {
  modules: number;
  violations: IViolation[];
}

/** Cruise `roots` (paths relative to `baseDir`) against RULES. */
export async function checkLayering(baseDir: string, roots: string[] = ['src', 'commands']): Promise<LayeringReport> {
  const result = await cruise(
    roots,
    {
      baseDir,
      validate: true,
      ruleSet: { forbidden: RULES },
      parser: 'swc',
      doNotFollow: { path: 'node_modules' },
      exclude: { path: 'node_modules' },
    },
    undefined,
    undefined,
  );
  const output = result.output;
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text instead of a result');
  return { modules: output.summary.totalCruised, violations: output.summary.violations };
}

export function describeViolation(violation: IViolation): string {
  const cycle = violation.cycle?.length ? ` (${[violation.from, ...violation.cycle.map((c) => c.name)].join(' → ')})` : '';
  return `${violation.rule.name}: ${violation.from} → ${violation.to}${cycle}`;
}
