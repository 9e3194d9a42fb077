import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_DATABASE_PATH, DEFAULT_DISCORD_API_BASE, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('has sensible defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      discordToken: undefined,
      applicationId: undefined,
      databasePath: DEFAULT_DATABASE_PATH,
      logLevel: 'info',
      logLevelSet: false,
      discordApiBase: DEFAULT_DISCORD_API_BASE,
    });
    expect(DEFAULT_DATABASE_PATH.startsWith('var')).toBe(true);
    expect(loadConfig({ LOG_LEVEL: 'debug' })).toMatchObject({ logLevel: 'debug', logLevelSet: true });
  });

  it('reads every variable and treats blanks as unset', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DATABASE_PATH: '/tmp/x.sqlite',
      DATABASE_URL: 'postgres://bot:secret@db.internal:5432/ledger',
      LOG_LEVEL: 'DEBUG',
      DISCORD_API_BASE: 'http://127.0.0.1:9999/api/',
    });
    expect(config.discordToken).toBe('abc.def.ghi');
    expect(config.applicationId).toBe('123456789012345678');
    expect(config.databasePath).toBe('/tmp/x.sqlite');
    expect(config.databaseUrl).toBe('postgres://bot:secret@db.internal:5432/ledger');
    expect(config.logLevel).toBe('debug');
    expect(config.discordApiBase).toBe('http://127.0.0.1:9999/api');
    expect(loadConfig({ DISCORD_TOKEN: '  ', DATABASE_PATH: '' })).toMatchObject({ discordToken: undefined, databasePath: DEFAULT_DATABASE_PATH });
  });

  it.each([
    ['DISCORD_API_BASE', 'not a url'],
    ['DISCORD_API_BASE', 'ftp://example.com'],
    ['LOG_LEVEL', 'loud'],
    ['DISCORD_APPLICATION_ID', 'my-app'],
    ['DISCORD_TOKEN', 'Bot abc'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['DATABASE_URL', 'not a url'],
  ])('rejects a bad %s with a message naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      expect((error as Error).message.startsWith(`Invalid ${variable}: `)).toBe(true);
      expect((error as Error).message).not.toContain('\n');
      expect((error as Error).message).not.toContain(value === 'Bot abc' ? 'abc' : '\u0000');
    }
  });
});

describe('log hygiene', async () => {
  const { scrubSecrets, createLogger } = await import('../../src/log.ts');
  const { Writable } = await import('node:stream');

  it('removes interaction and webhook tokens from URLs and the bot token from error text', () => {
    const text = 'POST /api/v10/interactions/123456/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQ/callback failed; token MTEx.secret.token';
    const clean = scrubSecrets(text, ['MTEx.secret.token']);
    expect(clean).toBe('POST /api/v10/interactions/123456/[redacted]/callback failed; token [redacted]');
  });

  it('never writes the token, even inside a logged error', () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }), ['MTEx.secret.token']);
    logger.error({ err: new Error('login failed for MTEx.secret.token'), token: 'MTEx.secret.token', config: { discordToken: 'MTEx.secret.token' } }, 'x');
    expect(lines.join('')).not.toContain('MTEx.secret.token');
    expect(lines.join('')).toContain('login failed for [redacted]');
  });
});

describe('HTTP interactions and sharding settings', () => {
  const key = '0123456789abcdef'.repeat(4);

  it('HTTP_PORT selects the HTTP mode, with the public key and application id it needs', () => {
    const config = loadConfig({ HTTP_PORT: '8080', DISCORD_PUBLIC_KEY: key.toUpperCase(), DISCORD_APPLICATION_ID: '123456789012345678' });
    expect(config.http).toEqual({ port: 8080, host: undefined, publicKey: key, applicationId: '123456789012345678' });
    expect(config.sharding).toBeUndefined();
    expect(loadConfig({ HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', DISCORD_PUBLIC_KEY: key, DISCORD_APPLICATION_ID: '123456789012345678' }).http).toMatchObject({ port: 0, host: '127.0.0.1' });
    expect(loadConfig({ HTTP_PORT: '' }).http).toBeUndefined();
  });

  it('GATEWAY_SHARDS: auto or a count, in this process or one process per shard', () => {
    expect(loadConfig({ GATEWAY_SHARDS: 'AUTO' }).sharding).toEqual({ count: 'auto', mode: 'internal', managedShard: false });
    expect(loadConfig({ GATEWAY_SHARDS: '4', GATEWAY_SHARD_MODE: 'process' }).sharding).toEqual({ count: 4, mode: 'process', managedShard: false });
    // In a process spawned by discord.js's ShardingManager (it sets these three):
    expect(loadConfig({ GATEWAY_SHARDS: 'auto', GATEWAY_SHARD_MODE: 'process', SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '3' }).sharding).toEqual({
      count: 3,
      mode: 'process',
      managedShard: true,
      shardIds: [1],
    });
  });

  it.each([
    [{ HTTP_PORT: '70000', DISCORD_PUBLIC_KEY: key, DISCORD_APPLICATION_ID: '123456789012345678' }, 'HTTP_PORT'],
    [{ HTTP_PORT: '80', DISCORD_APPLICATION_ID: '123456789012345678' }, 'DISCORD_PUBLIC_KEY'],
    [{ HTTP_PORT: '80', DISCORD_PUBLIC_KEY: key.slice(1), DISCORD_APPLICATION_ID: '123456789012345678' }, 'DISCORD_PUBLIC_KEY'],
    [{ HTTP_PORT: '80', DISCORD_PUBLIC_KEY: key }, 'DISCORD_APPLICATION_ID'],
    [{ HTTP_PORT: '80', DISCORD_PUBLIC_KEY: key, DISCORD_APPLICATION_ID: '123456789012345678', GATEWAY_SHARDS: 'auto' }, 'GATEWAY_SHARDS'],
    [{ GATEWAY_SHARDS: '0' }, 'GATEWAY_SHARDS'],
    [{ GATEWAY_SHARDS: 'many' }, 'GATEWAY_SHARDS'],
    [{ GATEWAY_SHARDS: '2', GATEWAY_SHARD_MODE: 'threads' }, 'GATEWAY_SHARD_MODE'],
    [{ SHARD_COUNT: '2' }, 'SHARD_COUNT'],
    [{ SHARDS: '[0,1]' }, 'SHARDS'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid ${variable}: [^\\n]+$`));
  });
});
