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
      discordApiBase: DEFAULT_DISCORD_API_BASE,
    });
    expect(DEFAULT_DATABASE_PATH.startsWith('var')).toBe(true);
  });

  it('reads every variable and treats blanks as unset', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'abc.def.ghi',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DATABASE_PATH: '/tmp/x.sqlite',
      LOG_LEVEL: 'DEBUG',
      DISCORD_API_BASE: 'http://127.0.0.1:9999/api/',
    });
    expect(config.discordToken).toBe('abc.def.ghi');
    expect(config.applicationId).toBe('123456789012345678');
    expect(config.databasePath).toBe('/tmp/x.sqlite');
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
