import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { UserError } from '../../src/errors.ts';
import { createLogger } from '../../src/log.ts';
import { slashCommand } from '../../src/router/define.ts';
import type { CommandModule, CommandRequest } from '../../src/router/types.ts';
import type { Reply } from '../../src/render/types.ts';

function makeApp(commands: CommandModule[], deferAfterMs = 50) {
  const logs: Record<string, any>[] = [];
  const sink = new Writable({ write: (chunk, _e, cb) => (logs.push(JSON.parse(String(chunk))), cb()) });
  const app = createApp({ config: loadConfig({ DATABASE_PATH: ':memory:' }), logger: createLogger('debug', sink), commands, deferAfterMs });
  return { app, logs };
}

const request = (commandName: string, options: CommandRequest['options'] = {}): CommandRequest => ({
  commandName,
  group: null,
  subcommand: null,
  options,
  user: { id: '100000000000000001', username: 'u' },
  guildId: null,
  channelId: null,
  locale: 'en-US',
  surface: 'console',
});

function capture() {
  const events: string[] = [];
  let reply: Reply | undefined;
  return {
    events,
    get reply() {
      return reply;
    },
    responder: {
      defer: async (ephemeral: boolean) => void events.push(`defer:${ephemeral}`),
      send: async (r: Reply) => {
        events.push('send');
        reply = r;
      },
    },
  };
}

const echo: CommandModule = {
  data: slashCommand('echo', 'echo').addStringOption((o) => o.setName('text').setDescription('t').setRequired(true)),
  examples: [],
  execute: ({ request }) => ({ content: String(request.options.text) }),
};
const refuse: CommandModule = {
  data: slashCommand('refuse', 'refuse'),
  examples: [],
  execute: () => {
    throw new UserError('Level must be from 1 to 712.');
  },
};
const slow: CommandModule = {
  data: slashCommand('slow', 'slow'),
  examples: [],
  deferEphemeral: true,
  execute: () => new Promise((resolve) => setTimeout(() => resolve({ content: 'done' }), 120)),
};
const broken: CommandModule = {
  data: slashCommand('broken', 'broken'),
  examples: [],
  execute: () => {
    throw new TypeError('cannot read x of undefined');
  },
};

describe('router', () => {
  it('runs a command and sends its reply once, without deferring fast work', async () => {
    const { app } = makeApp([echo]);
    const c = capture();
    await app.router.runCommand(request('echo', { text: 'hi' }), c.responder);
    expect(c.events).toEqual(['send']);
    expect(c.reply).toEqual({ content: 'hi' });
  });

  it('answers a UserError privately with its message, and does not log it as a failure', async () => {
    const { app, logs } = makeApp([refuse]);
    const c = capture();
    await app.router.runCommand(request('refuse'), c.responder);
    expect(c.reply).toEqual({ ephemeral: true, refused: true, content: 'Level must be from 1 to 712.' });
    expect(logs.filter((l) => l.level >= 50)).toHaveLength(0);
  });

  it('answers any other error with a generic private message and an id that is logged', async () => {
    const { app, logs } = makeApp([broken]);
    const c = capture();
    await app.router.runCommand(request('broken'), c.responder);
    expect(c.reply?.ephemeral).toBe(true);
    expect(c.reply?.content).not.toContain('cannot read');
    const id = /`([0-9a-f]{8})`/.exec(c.reply?.content ?? '')?.[1];
    expect(logs.find((l) => l.errorId === id)?.err.message).toBe('cannot read x of undefined');
  });

  it('defers slow work with the command’s visibility, then sends', async () => {
    const { app } = makeApp([slow]);
    const c = capture();
    await app.router.runCommand(request('slow'), c.responder);
    expect(c.events).toEqual(['defer:true', 'send']);
    expect(c.reply).toEqual({ content: 'done' });
  });

  it('lets a handler defer at once before synchronous work, and defers only once', async () => {
    const heavy: CommandModule = {
      data: slashCommand('heavy', 'heavy'),
      examples: [],
      deferEphemeral: true,
      async execute({ defer }) {
        await defer();
        await defer();
        const until = Date.now() + 80; // blocks the event loop, as a big SQLite transaction would
        while (Date.now() < until);
        return { ephemeral: true, content: 'loaded' };
      },
    };
    const { app } = makeApp([heavy], 60_000);
    const c = capture();
    await app.router.runCommand(request('heavy'), c.responder);
    expect(c.events).toEqual(['defer:true', 'send']);
  });

  it('answers an unknown command', async () => {
    const { app } = makeApp([echo]);
    const c = capture();
    await app.router.runCommand(request('nope'), c.responder);
    expect(c.reply?.content).toMatch(/don't know the command `\/nope`/);
  });

  it('gives an empty autocomplete list when autocomplete throws or is too slow', async () => {
    const thrower: CommandModule = { ...echo, autocomplete: () => Promise.reject(new Error('x')) };
    const { app } = makeApp([thrower]);
    expect(await app.router.runAutocomplete({ ...request('echo', { text: 'a' }), focused: 'text' })).toEqual([]);
  });

  it('answers DM text with module text handlers first, then typed commands, then help', async () => {
    const withText: CommandModule = { ...echo, text: ({ request: r }) => (r.content === 'moonveil' ? { content: 'card' } : null) };
    const { app } = makeApp([withText]);
    const dm = (content: string) => app.router.runText({ ...request('x'), surface: 'dm-text', content });
    expect(await dm('moonveil')).toEqual({ content: 'card' });
    expect(await dm('/echo text:hello')).toEqual({ content: 'hello', ephemeral: false });
    expect((await dm('/echo')).content).toMatch(/Missing required option/);
    expect((await dm('what is this')).content).toMatch(/\/help/);
  });

  it('drains: refuses new work after shutdown starts but finishes what runs', async () => {
    const { app } = makeApp([slow, echo]);
    const c = capture();
    const running = app.router.runCommand(request('slow'), c.responder);
    await app.shutdown(2000);
    await running;
    expect(c.reply).toEqual({ content: 'done' });
    const late = capture();
    await app.router.runCommand(request('echo', { text: 'x' }), late.responder);
    expect(late.reply?.content).toMatch(/restarting/);
  });
});
