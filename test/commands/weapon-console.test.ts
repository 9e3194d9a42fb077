// /weapon through the offline console's real entry point (`npm run -s cli -- …`), in a child process.
// Figures: attack-rating.md's check values.

import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

describe('npm run -s cli -- "/weapon …"', () => {
  it('"/weapon ar name:Rivers of Blood +10 …" prints the check values', () => {
    const { code, stdout } = runCli(['/weapon ar name:Rivers of Blood +10 strength:30 dexterity:50 intelligence:1 faith:1 arcane:50']);
    expect(code).toBe(0);
    expect(stdout).toContain('== Rivers of Blood +10 ==');
    expect(stdout).toContain('Physical 389 · Fire 274 · Total 664');
    expect(stdout).toContain('Blood loss 73');
    expect(stdout).toContain('-- Game data: patch 1.16.1');
  });

  it('answers every subcommand in one piped session as Discord bodies, and refuses a bad level with exit code 2', () => {
    const lines = [
      '/weapon ar name:keen uchigatana level:25 strength:30 dexterity:50 intelligence:1 faith:1 arcane:1 two_handed:true',
      '/weapon ar name:Erdtree Seal faith:50 strength:1 dexterity:1 intelligence:1 arcane:1',
      '/weapon compare a:Moonveil b:Rivers of Blood level_a:10 level_b:10 strength:30 dexterity:50 intelligence:40 faith:1 arcane:50',
      '/weapon affinities name:Claymore level:25 strength:16 dexterity:13 intelligence:1 faith:40 arcane:1',
      '/weapon next name:Heavy Claymore character_level:60',
    ];
    const { code, stdout } = runCli(['--json'], { input: lines.join('\n') + '\n' });
    expect(code).toBe(0);
    const bodies = stdout.trim().split('\n').map((line) => JSON.stringify((JSON.parse(line) as { data: unknown }).data));
    expect(bodies).toHaveLength(lines.length);
    expect(bodies[0]).toContain('Physical 526 · **Total 526**');
    expect(bodies[1]).toContain('Incantation scaling **147**');
    expect(bodies[2]).toContain('ahead by **3** (667 vs 664)');
    expect(bodies[3]).toMatch(/Flame Art\s+701/);
    expect(bodies[4]).toContain('Strength +7, Dexterity +3');

    const bad = runCli(['/weapon ar name:Rivers of Blood level:25']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain('must be from 0 to 10');
  });

  it('completes weapon names with their affinity forms', () => {
    const { code, stdout } = runCli(['--autocomplete', '--json', '/weapon ar name:keen uchi']);
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as { choices: { name: string; value: string }[] };
    expect(body.choices[0]).toEqual({ name: 'Keen Uchigatana · Katana', value: 'weapon:9000000/keen' });
  });
});
