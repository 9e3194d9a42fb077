// `npm run deploy-commands`: the dry run shows every command as Discord will receive it, within
// Discord's limits; a real run bulk-overwrites the global (or one server's) commands.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody, APIApplicationCommandOption } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.ts';
import { FakeDiscord } from '../fake-discord/server.ts';
import { APPLICATION_ID } from '../fake-discord/payloads.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';

const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

function deploy(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['scripts/deploy-commands.ts', ...args], { cwd: PROJECT_ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Characters Discord counts toward a command's 8,000 limit: names, descriptions, choice names and values. */
function countedLength(option: { name: string; description?: string; options?: APIApplicationCommandOption[]; choices?: { name: string; value: unknown }[] }): number {
  let total = option.name.length + (option.description?.length ?? 0);
  for (const choice of option.choices ?? []) total += choice.name.length + String(choice.value).length;
  for (const child of option.options ?? []) total += countedLength(child as never);
  return total;
}

function checkOption(option: APIApplicationCommandOption, where: string): void {
  expect(option.name, where).toMatch(/^[-_\p{L}\p{N}]{1,32}$/u);
  expect(option.name, where).toBe(option.name.toLowerCase());
  expect(option.description.length, `${where} description`).toBeGreaterThan(0);
  expect(option.description.length, `${where} description`).toBeLessThanOrEqual(100);
  const children = ('options' in option ? option.options : undefined) ?? [];
  expect(children.length, where).toBeLessThanOrEqual(25);
  const choices = ('choices' in option ? option.choices : undefined) ?? [];
  expect(choices.length, where).toBeLessThanOrEqual(25);
  for (const child of children) checkOption(child as APIApplicationCommandOption, `${where} ${child.name}`);
}

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await new FakeDiscord().start();
});
afterAll(async () => {
  await fake.stop();
});

describe('npm run deploy-commands', () => {
  it('--dry-run prints every command with integration_types [0,1] and contexts [0,1,2], within Discord limits', async () => {
    const { code, stdout } = await deploy(['--dry-run']);
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as RESTPostAPIChatInputApplicationCommandsJSONBody[];
    expect(body.map((c) => c.name)).toEqual(COMMANDS.map((m) => m.data.name));
    expect(body.length).toBeLessThanOrEqual(100);
    for (const command of body) {
      expect(command.integration_types, command.name).toEqual([0, 1]);
      expect(command.contexts, command.name).toEqual([0, 1, 2]);
      expect(command.name).toMatch(/^[-_a-z0-9]{1,32}$/);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect((command.options ?? []).length).toBeLessThanOrEqual(25);
      for (const option of command.options ?? []) checkOption(option, `/${command.name} ${option.name}`);
      expect(countedLength(command as never), command.name).toBeLessThanOrEqual(8000);
    }
  });

  it('bulk-overwrites the global commands through DISCORD_API_BASE, or one server’s with --guild', async () => {
    const env = { DISCORD_TOKEN: fake.token, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_BASE: fake.restBase };
    const global = await deploy([], env);
    expect(global.code).toBe(0);
    expect(global.stdout).toMatch(new RegExp(`Deployed ${COMMANDS.length} commands globally`));
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APPLICATION_ID}/commands`);
    expect(put.headers.authorization).toBe(`Bot ${fake.token}`);
    expect((put.body as unknown[]).length).toBe(COMMANDS.length);

    const guild = await deploy(['--guild', '123456789012345678'], env);
    expect(guild.code).toBe(0);
    const guildPut = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APPLICATION_ID}/guilds/123456789012345678/commands`);
    for (const command of guildPut.body as { contexts?: unknown }[]) expect(command.contexts).toBeUndefined();
  });

  it('says what is missing without credentials', async () => {
    const { code, stderr } = await deploy([], { DISCORD_TOKEN: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/needs DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });
});
