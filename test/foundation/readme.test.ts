// The README is the front door: keep it true. Every registered command is in its commands table with
// an example, and every `npm run <script>` it mentions exists.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README', () => {
  const table = readme.slice(readme.indexOf('<!-- commands:start -->'), readme.indexOf('<!-- commands:end -->'));

  it('lists every command with an example', () => {
    for (const module of COMMANDS) {
      expect(table, `/${module.data.name} missing from the README commands table`).toMatch(new RegExp(`\\| \`/${module.data.name}[ \`]`));
      const examples = module.examples.map((e) => e.usage);
      expect(examples.some((usage) => table.includes(usage)), `no example of /${module.data.name} in the README`).toBe(true);
    }
  });

  it('lists no command that does not exist', () => {
    const names = new Set(COMMANDS.map((m) => m.data.name));
    for (const match of table.matchAll(/^\| `\/([a-z-]+)/gm)) expect(names.has(match[1]!), `/${match[1]} is not a command`).toBe(true);
  });

  it('mentions only npm scripts that exist', () => {
    for (const match of readme.matchAll(/npm run (?:-s )?([a-z-]+)/g)) expect(pkg.scripts[match[1]!], `npm run ${match[1]}`).toBeDefined();
    expect(readme).toContain('npm test');
    expect(readme).toContain('npm ci');
  });
});
