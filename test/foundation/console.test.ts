// The offline console through its real entry point (`npm run cli`), as a user or a script runs it.

import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runCli } from '../helpers/cli.ts';

const cli = (args: string[], input?: string) => runCli(args, input === undefined ? {} : { input });

describe('npm run cli', () => {
  it('prints /help as readable text', () => {
    const { code, stdout } = cli(['/help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^== Tarnished Ledger — commands ==/);
    for (const module of COMMANDS) expect(stdout).toContain(`/${module.data.name} — `);
  });

  it('reads one command per line from a pipe and prints one JSON response body per line', () => {
    const { code, stdout } = cli(['--json'], '/help\n\n/about\n/help command:nope\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    const bodies = lines.map((line) => JSON.parse(line));
    for (const body of bodies) {
      expect(body.type).toBe(4);
      expect(body.data.content !== undefined || body.data.embeds.length > 0).toBe(true);
    }
    expect(bodies[2].data.flags).toBe(64);
  });

  it('prints autocomplete choices as the exact response body', () => {
    const { stdout } = cli(['--autocomplete', '--json', '/help command:ab']);
    expect(JSON.parse(stdout)).toEqual({ choices: [{ name: '/about', value: 'about' }] });
  });

  it('rejects a malformed line with what is valid, and exit code 2', () => {
    const { code, stdout } = cli(['/help command']);
    expect(code).toBe(2);
    expect(stdout).toMatch(/name:value/);
  });

  it('exits 0 when the command was answered and 2 when the input was refused, whichever layer refused it', () => {
    const exit = (line: string) => cli([line]).code;
    expect(exit('/runes level from:1 to:150')).toBe(0);
    expect(exit('/runes level to:714')).toBe(2); // the parser (out of the option's range)
    expect(exit('/runes level from:150 to:100')).toBe(2); // the handler (a range backwards)
    expect(exit('/item name:zzzz qqqq xxxx')).toBe(2); // the handler (no such item)
    expect(exit('/runes level from:1 to:150 bogus:1')).toBe(2); // an option the command does not have
  });

  it('checks --user and --guild', () => {
    expect(cli(['--user', 'me', '/help']).code).toBe(2);
    expect(cli(['--guild', '123', '/help']).stderr).toMatch(/server id/);
  });
});
