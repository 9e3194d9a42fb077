// The rune calculator through the offline console's real entry point (`npm run -s cli -- …`), in a child
// process, as a user or a script would run it.

import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const cli = (args: string[], input?: string) => runCli(args, input === undefined ? {} : { input });

describe('npm run -s cli -- "/runes …"', () => {
  it('"/runes level from:1 to:150" prints 7,112,459', () => {
    const { code, stdout } = cli(['/runes level from:1 to:150']);
    expect(code).toBe(0);
    expect(stdout).toContain('== Level 1 → 150 ==');
    expect(stdout).toContain('7,112,459');
  });

  it('every rune command answers in one piped session, as Discord bodies with --json', () => {
    const lines = [
      '/runes reach runes:7112459 from:1',
      '/runes items items:golden rune 5 x3, lords rune',
      '/runes gain base:10000 gold_scarab:true',
      '/runes farm per_run:50000 target:level 150',
      '/runes death held:6667 level:1',
      '/upgrade weapon:Longsword',
      '/class best strength:80 vigor:40',
      '/class info name:Hero',
      '/stats vigor:40',
      '/matchmaking level:150',
      '/runes level from:0 to:150',
    ];
    const { code, stdout } = cli(['--json'], lines.join('\n') + '\n');
    expect(code).toBe(0);
    const bodies = stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: number; data: { embeds?: { description?: string; fields?: { value: string }[] }[]; content?: string; flags?: number } });
    expect(bodies).toHaveLength(lines.length);
    const flat = bodies.map((b) => JSON.stringify(b.data));
    expect(flat[0]).toContain('level 150');
    expect(flat[1]).toContain('54,800');
    expect(flat[2]).toContain('12,000');
    expect(flat[3]).toContain('143 runs');
    expect(flat[5]).toContain('21,250');
    expect(flat[6]).toMatch(/1\. Hero\s+97/);
    expect(flat[8]).toContain('1,450');
    // The last line is refused by the console's own option check (Discord-side min/max), privately.
    expect(bodies[10]!.data.flags).toBe(64);
    expect(bodies[10]!.data.content).toMatch(/from 1 to 712/);
  });

  it('autocompletes /upgrade weapon names', () => {
    const { stdout } = cli(['--autocomplete', '--json', '/upgrade weapon:moonv']);
    const { choices } = JSON.parse(stdout) as { choices: { name: string; value: string }[] };
    expect(choices[0]).toEqual({ name: 'Moonveil (somber)', value: 'weapon:9060000' });
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('follows a breakdown page button with press', () => {
    const { stdout } = cli(['press runes:bd:1:150:-:6']);
    expect(stdout).toContain('Per level (6/6)');
    expect(stdout).toMatch(/149→150\s+151,295\s+7,112,459/);
  });
});
