// Charts in the offline console: the text says which image the card shows and where the PNG was saved
// (var/console-files/ by default), and the saved file is the chart. Through the real entry point
// (`npm run cli`) and through runConsole with its own folder.

import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { runConsole } from '../../src/cli/run.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { PROJECT_ROOT, runCli } from '../helpers/cli.ts';
import { pngSize } from './png.ts';

const made: string[] = [];
afterAll(() => {
  for (const file of made) rmSync(file, { force: true });
});

describe('charts in the console', () => {
  it('npm run cli saves the chart under var/console-files and says so', () => {
    const { code, stdout, stderr } = runCli(['/runes level from:80 to:100 chart:true']);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('976,604 runes');
    expect(stdout).toContain('[image: rune-cost-80-100.png, attached below]');
    const saved = /^Saved rune-cost-80-100\.png to (var\/console-files\/rune-cost-80-100(?:-\d+)?\.png)$/m.exec(stdout);
    expect(saved, stdout).not.toBeNull();
    const file = path.join(PROJECT_ROOT, saved![1]!);
    made.push(file);
    expect(pngSize(readFileSync(file))).toEqual({ width: 800, height: 400 });
  }, 60_000);

  it('a script of chart commands saves one file per chart, never overwriting', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-charts-'));
    try {
      const input = new PassThrough();
      input.end('/runes farm per_run:50000 target:2000000 chart:true\n/runes farm per_run:40000 target:2000000 chart:true\n/runes level from:1 to:10\n');
      let out = '';
      const output = new Writable({ write: (chunk, _e, cb) => ((out += String(chunk)), cb()) });
      const app = createApp({ config: loadConfig({ DATABASE_PATH: ':memory:' }), logger: createLogger('silent'), deferAfterMs: 60_000 });
      const code = await runConsole({ app, identity: { userId: '100000000000000001', guildId: null }, json: false, autocomplete: false, line: undefined, input, output, filesDir: dir });
      expect(code).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(['farming-progress-2.png', 'farming-progress.png']);
      expect(out).toContain(`Saved farming-progress.png to ${path.join(dir, 'farming-progress.png')}`);
      expect(out).toContain(`Saved farming-progress.png to ${path.join(dir, 'farming-progress-2.png')}`);
      for (const name of readdirSync(dir)) expect(pngSize(readFileSync(path.join(dir, name)))).toEqual({ width: 800, height: 400 });
      // 40 runs at 50,000 and 50 runs at 40,000: two different pictures.
      expect(readFileSync(path.join(dir, 'farming-progress.png')).equals(readFileSync(path.join(dir, 'farming-progress-2.png')))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
