// Charts load lazily: a command that draws nothing never loads chart.js or the canvas library (start-up
// time and memory matter), and one that draws loads them on first use. Checked in fresh processes
// (the canvas library is a native module: process.report lists it once loaded), and in the sources:
// outside src/render/charts only tests and benchmarks import the drawing code.

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.ts';

const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

function run(line: string): { before: boolean; files: number; after: boolean } {
  const result = spawnSync(tsx, ['test/render/fixtures/chart-loading.ts', line], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Static import specifiers of a file (`import … from '…'`, `export … from '…'`, `import '…'`), type-only ones left out. */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
    if (match[2]) continue;
    found.push(match[3] ?? match[4]!);
  }
  return found;
}

const HEAVY = /^(chart\.js|@napi-rs\/canvas)|\/charts\/(draw|engine|levelCost|history|farm)(\.ts)?$/;

describe('lazy charts', () => {
  it('commands that draw nothing never load the canvas library', () => {
    for (const line of ['/help', '/runes level from:1 to:150', '/runes farm per_run:50000 target:level 150', '/runes level from:1 to:150 chart:false']) {
      expect(run(line), line).toEqual({ before: false, files: 0, after: false });
    }
  }, 240_000); // four fresh processes; generous for a busy machine

  it('chart:true loads it and attaches the picture', () => {
    expect(run('/runes level from:1 to:150 chart:true')).toEqual({ before: false, files: 1, after: true });
  }, 60_000);

  it('only the chart folder imports the drawing code (statically); its entry point imports it lazily', () => {
    const offenders: string[] = [];
    for (const root of ['src', 'commands', 'scripts']) {
      for (const file of sources(path.join(PROJECT_ROOT, root))) {
        const relative = path.relative(PROJECT_ROOT, file);
        const inCharts = relative.startsWith(path.join('src', 'render', 'charts') + path.sep);
        const heavyEntry = inCharts && !relative.endsWith(`${path.sep}index.ts`) && !relative.endsWith(`${path.sep}inputs.ts`);
        if (heavyEntry) continue;
        for (const specifier of staticImports(file)) if (HEAVY.test(specifier)) offenders.push(`${relative} imports ${specifier}`);
      }
    }
    expect(offenders).toEqual([]);
    const entry = readFileSync(path.join(PROJECT_ROOT, 'src/render/charts/index.ts'), 'utf8');
    expect(entry).toMatch(/await import\('\.\/draw\.ts'\)/);
  });
});
