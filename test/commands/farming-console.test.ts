// /enemy and /farm spots through the offline console's real entry point (`npm run -s cli -- …`), in a
// child process. Figures from the game's params (NpcParam 34701468 getSoul 2,044; GameAreaParam
// 1051430800 bonusSoul 88,000; NpcParam 33300042 getSoul 1,952) and mechanics.md §1 (7,112,459 runes
// from level 1 to 150).

import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

describe('npm run -s cli -- "/enemy …" and "/farm spots …"', () => {
  it('"/enemy name:Bloodbane Albinauric" prints the drop where it is met and per NG cycle', () => {
    const { code, stdout } = runCli(['/enemy name:Bloodbane Albinauric']);
    expect(code).toBe(0);
    expect(stdout).toContain('== Bloodbane Albinauric ==');
    expect(stdout).toContain('Mohgwyn Palace: 2,044 runes');
    expect(stdout).toMatch(/NG\+1\s+4,088–10,220/);
    expect(stdout).toMatch(/^(-- )?Game data: patch 1.16.1$/m);
  });

  it('answers both commands in one piped session as Discord bodies, and refuses a bad option with exit code 2', () => {
    const lines = ['/enemy name:Black Blade Kindred', '/farm spots target:level 150', '/runes farm spot:dragonbarrow-lennes-rise-boulder target:level 150'];
    const { code, stdout } = runCli(['--json'], { input: lines.join('\n') + '\n' });
    expect(code).toBe(0);
    const bodies = stdout.trim().split('\n').map((line) => JSON.stringify((JSON.parse(line) as { data: unknown }).data));
    expect(bodies).toHaveLength(lines.length);
    expect(bodies[0]).toContain("Greyoll's Dragonbarrow - Bestial Sanctum**: 88,000 runes, alone or with cooperators");
    expect(bodies[1]).toContain('To level 150: **3,644 runs**'); // ⌈7,112,459 / 1,952⌉
    expect(bodies[2]).toContain('**3,644 runs** at 1,952 runes a run');

    const bad = runCli(['/farm spots target:nonsense']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('`target` must be runes');
  });

  it('completes enemy names with their runes and place', () => {
    const { code, stdout } = runCli(['--autocomplete', '--json', '/enemy name:bloodbane giant']);
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as { choices: { name: string; value: string }[] };
    expect(body.choices[0]).toEqual({ name: 'Bloodbane Giant Crow · 11,038 runes · Mohgwyn Palace', value: 'Bloodbane Giant Crow' });
  });
});
