// Issue 5 acceptance through the offline console's real entry point (`npm run -s cli -- --user …`), in
// separate processes sharing one temporary DATABASE_PATH: create a Vagabond, add 100,000 runes, level
// vigor up 5 times (exactly cost(9)+…+cost(13) = 4,763), die, add 5,000, die again (the first bloodstain
// is lost), recover (only the 5,000 come back), and the history shows each step with its balance. A
// second user can neither see nor change the first user's private character.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-character-console-'));
const DATABASE_PATH = path.join(dir, 'characters.sqlite');
const PLAYER = '123456789012345678';
const STRANGER = '876543210987654321';

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One console process: a single command as an argument, or several piped on standard input. */
function cli(user: string, commands: string | string[]) {
  const piped = Array.isArray(commands);
  const result = runCli(['--user', user, ...(piped ? [] : [commands])], {
    ...(piped ? { input: `${commands.join('\n')}\n` } : {}),
    env: { DATABASE_PATH },
  });
  expect(result.stderr, result.stderr).toBe('');
  return { code: result.code, stdout: result.stdout };
}

/** Each reply's text. Every /character reply here is private, so each one ends with the console's marker. */
function blocks(stdout: string): string[] {
  return stdout
    .split('(only you can see this)')
    .map((b) => b.trim())
    .filter(Boolean);
}

function num(text: string): number {
  return Number(text.replace(/,/g, ''));
}

describe('issue 5 acceptance through the console, across processes', () => {
  it('create a Vagabond and add 100,000 runes (process 1)', () => {
    const { code, stdout } = cli(PLAYER, ['/character create name:Tarnished class:Vagabond', '/character runes add amount:100,000']);
    expect(code).toBe(0);
    const [create, add] = blocks(stdout);
    expect(create).toMatch(/^Created Tarnished, a Vagabond at level 9\. It is your active character\./);
    expect(create).toContain('Visibility: Private · active');
    expect(add).toMatch(/^Tarnished: earned 100,000 runes, now holding 100,000\./);
  });

  it('level vigor up 5 times, spending exactly 4,763 (process 2, five commands piped)', () => {
    const { code, stdout } = cli(PLAYER, Array.from({ length: 5 }, () => '/character levelup stat:vigor'));
    expect(code).toBe(0);
    const replies = blocks(stdout).filter((b) => b.startsWith('Tarnished: Vigor'));
    expect(replies).toHaveLength(5);
    let spent = 0;
    let held = 100_000;
    replies.forEach((reply, i) => {
      const match = /^Tarnished: Vigor (\d+) → (\d+), level (\d+) → (\d+), for ([\d,]+) runes\. Holding ([\d,]+)\./.exec(reply);
      expect(match, reply).not.toBeNull();
      const [, fromValue, toValue, fromLevel, toLevel, cost, after] = match!;
      expect([num(fromValue!), num(toValue!), num(fromLevel!), num(toLevel!)]).toEqual([15 + i, 16 + i, 9 + i, 10 + i]);
      spent += num(cost!);
      held -= num(cost!);
      expect(num(after!)).toBe(held);
    });
    expect(spent).toBe(4_763);
    expect(held).toBe(95_237);
  });

  it('die (process 3)', () => {
    const { stdout } = cli(PLAYER, '/character died');
    expect(stdout).toContain('Tarnished died: 95,237 runes dropped into a bloodstain.');
    expect(stdout).toContain('🩸 Bloodstain: 95,237 runes');
  });

  it('add 5,000, die again (the first bloodstain is lost), recover only the 5,000 (process 4)', () => {
    const { stdout } = cli(PLAYER, ['/character runes add amount:5000', '/character died', '/character recovered', '/character show']);
    const [add, death, recovery, show] = blocks(stdout);
    expect(add).toMatch(/^Tarnished: earned 5,000 runes, now holding 5,000\./);
    expect(death).toMatch(/^Tarnished died: 5,000 runes dropped into a bloodstain\.\nThe earlier bloodstain of 95,237 runes was not recovered and is lost for good\./);
    expect(recovery).toMatch(/^Tarnished recovered 5,000 runes from the bloodstain, now holding 5,000\./);
    expect(show).toContain('== Tarnished — Vagabond, level 14 ==');
    expect(show).toContain('Runes held: 5,000');
    expect(show).not.toContain('Bloodstain:');
  });

  it('a second user can neither see nor change the private character (process 5)', () => {
    const { stdout } = cli(STRANGER, [
      `/character show user:${PLAYER} name:Tarnished`,
      `/character show user:${PLAYER} name:Nobody`,
      `/character show user:${PLAYER}`,
      '/character levelup stat:vigor name:Tarnished',
      '/character runes add amount:1 name:Tarnished',
      '/character died name:Tarnished',
      '/character visibility name:Tarnished public:true',
      '/character delete name:Tarnished',
      `press character:share:${PLAYER}:l`,
      `press character:forget:${PLAYER}:zzzzzzz`,
      '/character list',
    ]);
    const replies = blocks(stdout);
    expect(replies).toHaveLength(11);
    // Private reads exactly like missing.
    expect(replies[0]).toBe('That player has no public character named “Tarnished”.');
    expect(replies[1]).toBe('That player has no public character named “Nobody”.');
    expect(replies[2]).toBe('That player has no public active character.');
    for (const reply of replies.slice(3, 8)) expect(reply).toBe('You have no character named “Tarnished”.');
    for (const reply of replies.slice(8, 10)) expect(reply).toBe('Only the owner of these characters can press this button.');
    expect(replies[10]).toContain('You have no characters yet.');
    expect(stdout).not.toMatch(/5,000|95,237|Vagabond/);
  });

  it('history shows each step with the right balance, and the totals (process 6)', () => {
    const { stdout } = cli(PLAYER, ['/character history', '/character history page:2']);
    const [page1, page2] = blocks(stdout);
    const lines = [...page1!.split('\n').slice(1, 11), ...page2!.split('\n').slice(1, 2)].map((l) => l.replace(/^`#(\d+)` \d{4}-\d\d-\d\d \d\d:\d\d · /, '#$1 '));
    expect(lines).toEqual([
      '#11 Recovered the bloodstain: +5,000 → held 5,000',
      '#10 Died: 5,000 dropped into a bloodstain → held 0',
      '#9 Bloodstain of 95,237 lost for good → held 5,000',
      '#8 Earned +5,000 → held 5,000',
      '#7 Died: 95,237 dropped into a bloodstain → held 0',
      expect.stringMatching(/^#6 Level up Vigor \+1: −[\d,]+ → held 95,237$/),
      expect.stringMatching(/^#5 Level up Vigor \+1: −[\d,]+ → held [\d,]+$/),
      expect.stringMatching(/^#4 Level up Vigor \+1: −[\d,]+ → held [\d,]+$/),
      expect.stringMatching(/^#3 Level up Vigor \+1: −[\d,]+ → held [\d,]+$/),
      '#2 Level up Vigor +1: −811 → held 99,189',
      '#1 Earned +100,000 → held 100,000',
    ]);
    // Each balance is the previous one plus the change, oldest first.
    let balance = 0;
    for (const line of [...lines].reverse()) {
      const held = num(/→ held ([\d,]+)$/.exec(line)![1]!);
      const change = / ([+−])([\d,]+) → held/.exec(line);
      const dropped = /Died: ([\d,]+) dropped/.exec(line);
      if (change) balance += (change[1] === '+' ? 1 : -1) * num(change[2]!);
      else if (dropped) balance -= num(dropped[1]!);
      expect(held, line).toBe(balance);
    }
    expect(balance).toBe(5_000);
    for (const page of [page1!, page2!]) {
      expect(page).toContain('Earned: 105,000');
      expect(page).toContain('Spent: 4,763 (level-ups 4,763)');
      expect(page).toContain('Lost for good: 95,237');
      expect(page).toContain('Deaths: 2 · dropped 100,237 · recovered 5,000');
      expect(page).toContain('Now: Held 5,000 · level 14');
    }
    expect(page1).toContain('Page 1 of 2 · 11 entries, newest first');
    expect(page2).toContain('Page 2 of 2 · 11 entries, newest first');
  });
});
