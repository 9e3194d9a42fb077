// The custom-id codec: user text carried in a button or menu id survives the round trip whole, ids stay
// within Discord's 100 characters, and signed ids cannot be forged, altered or revived after they expire.
// Then the console's `press`, which splits `press <id> <value>` at the first space, on the two reported cases.

import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createApp } from '../../src/app.ts';
import { ConsoleSession } from '../../src/cli/session.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { CUSTOM_ID_MAX, decodeCustomId, encodeCustomId, encodeSignedCustomId, fitField, verifySignedCustomId } from '../../src/router/customId.ts';

describe('custom-id codec', () => {
  it('round-trips any fields, and an id never holds whitespace', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.integer())), (fields) => {
        let id: string;
        try {
          id = encodeCustomId('cmd', 'act', fields);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError); // only ever because it is too long
          return;
        }
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        expect(id).not.toMatch(/\s/);
        expect(decodeCustomId(id)).toEqual({ command: 'cmd', action: 'act', fields: fields.map(String) });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses to build an id longer than 100 characters, and fitField cuts text to fit', () => {
    expect(() => encodeCustomId('search', 'n', ['x'.repeat(100)])).toThrow(RangeError);
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.integer({ min: 10, max: 80 }), (text, budget) => {
        const cut = fitField(text, budget);
        expect(text.startsWith(cut) || text.trim().startsWith(cut)).toBe(true);
        expect(encodeCustomId('a', 'b', [cut]).length).toBeLessThanOrEqual('a:b:'.length + budget);
      }),
    );
    expect(fitField('golden rune', 50)).toBe('golden rune');
    expect(fitField('rivers of blood', 9)).toBe('rivers of');
  });

  it('reads a malformed id as null instead of throwing', () => {
    expect(decodeCustomId('item')).toBeNull();
    expect(decodeCustomId('item:pick:%E0%A4%A')).toBeNull();
  });

  it('signed ids: valid until they expire; a changed field, expiry or key is invalid', () => {
    const key = randomBytes(32);
    const id = encodeSignedCustomId(key, 'character', 'del', ['200000000000000001', 42], 1_000_000);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(verifySignedCustomId(key, id, 999_999)).toEqual({ ok: true, fields: ['200000000000000001', '42'], expiresAt: 1_000_000 });
    expect(verifySignedCustomId(key, id, 1_000_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifySignedCustomId(randomBytes(32), id, 999_999)).toEqual({ ok: false, reason: 'invalid' });
    // The report's forgery: the expiry rewritten far into the future.
    const parts = id.split(':');
    parts[parts.length - 2] = 'zzzzzz';
    expect(verifySignedCustomId(key, parts.join(':'), 999_999)).toEqual({ ok: false, reason: 'invalid' });
    const other = id.replace(':42:', ':43:');
    expect(verifySignedCustomId(key, other, 999_999)).toEqual({ ok: false, reason: 'invalid' });
    expect(verifySignedCustomId(key, 'character:del:1:2', 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('console press with user text in the id', () => {
  const app = createApp({ config: loadConfig({ DATABASE_PATH: ':memory:' }), logger: createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })) });
  const session = new ConsoleSession(app.router, { userId: '100000000000000001', guildId: null });
  afterAll(() => app.shutdown(1000));

  function idsOf(result: Awaited<ReturnType<ConsoleSession['run']>>): string[] {
    if (result.kind !== 'reply') return [];
    return (result.reply.components ?? []).flatMap((row) => (Array.isArray(row) ? row.flatMap((b) => (b.kind === 'button' ? [b.customId] : [])) : [row.customId]));
  }

  it('/item name:beast claw, then picking Beast Claw (incantation) from its menu', async () => {
    const first = await session.run('/item name:beast claw');
    const menu = idsOf(first).find((id) => id.startsWith('item:pick:'));
    expect(menu).toBeDefined();
    expect(menu).not.toMatch(/\s/);
    const picked = await session.run(`press ${menu} incantation:6820`);
    expect(picked.kind).toBe('reply');
    if (picked.kind !== 'reply') return;
    expect(JSON.stringify(picked.reply)).not.toContain('no longer in the data');
    expect(picked.reply.embeds?.[0]?.title).toMatch(/Beast Claw/);
    expect(picked.reply.content).toContain('beast claw');
    // The id as printed by the console, in angle brackets, works too.
    const again = await session.run(`press <${menu}> incantation:6820`);
    expect(again.kind === 'reply' && again.reply.embeds?.[0]?.title).toMatch(/Beast Claw/);
  });

  it('/search query:golden rune, then Next: page 2 of the same search', async () => {
    const first = await session.run('/search query:golden rune');
    expect(first.kind === 'reply' && first.reply.embeds?.[0]?.title).toMatch(/“golden rune”/);
    const next = idsOf(first).find((id) => id.startsWith('search:n:'));
    expect(next).toBeDefined();
    const second = await session.run(`press ${next}`);
    expect(second.kind).toBe('reply');
    if (second.kind !== 'reply' || first.kind !== 'reply') return;
    expect(second.reply.embeds?.[0]?.title).toMatch(/“golden rune”/);
    const count = (footer: string | undefined) => /· (\d+)\+? items/.exec(footer ?? '')?.[1];
    expect(count(second.reply.embeds?.[0]?.footer)).toBe(count(first.reply.embeds?.[0]?.footer));
    expect(second.reply.embeds?.[0]?.footer).toMatch(/^Page 2 of/);
  });
});
