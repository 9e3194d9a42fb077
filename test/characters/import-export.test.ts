import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/characters/errors.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from '../../src/characters/schema.ts';
import { openStore, type CharacterStore } from '../../src/characters/store.ts';
import { expectStoreError, steppingClock } from './helpers.ts';

const ALICE = 'alice';
const BOB = 'bob';
const GUILD = '42';

let store: CharacterStore;
beforeEach(() => {
  store = openStore(':memory:', { now: steppingClock() });
  store.createCharacter(ALICE, { name: 'Main', className: 'Vagabond', isPublic: true, journey: 2, maxUpgrade: { regular: 18, somber: 7 } });
  store.addRunes({ userId: ALICE }, 50_000, 'Godrick');
  store.levelUp({ userId: ALICE }, 'strength', 2, 'more hit');
  store.spend({ userId: ALICE }, 'purchase', 3_000, 'Smithing Stone [1]');
  store.recordDeath({ userId: ALICE });
  store.addRunes({ userId: ALICE }, 900);
  store.createCharacter(ALICE, { name: 'Caster', className: 'Astrologer' });
  store.switchActive(ALICE, 'Caster', GUILD);
  store.addRunes({ userId: ALICE, name: 'Caster' }, 77);
});
afterEach(() => store.close());

/** Everything about a user, without the export timestamp. */
function snapshot(userId: string) {
  const { exportedAt: _t, ...doc } = store.exportUser(userId);
  return { doc, list: store.listCharacters(userId, GUILD) };
}

function exported(): ExportDocument {
  return JSON.parse(JSON.stringify(store.exportUser(ALICE))) as ExportDocument;
}

describe('exportUser', () => {
  it('is a versioned JSON document of all the user’s characters, ledgers and selections', () => {
    const doc = store.exportUser(ALICE);
    expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, userId: ALICE, active: 'Main', guildOverrides: [{ guildId: GUILD, character: 'Caster' }] });
    expect(doc.characters.map((c) => c.name)).toEqual(['Main', 'Caster']);
    const main = doc.characters[0]!;
    expect(main).toMatchObject({ class: 'Vagabond', level: 11, runesHeld: 900, public: true, journey: 2, maxUpgrade: { regular: 18, somber: 7 } });
    expect(main.ledger.map((e) => e.kind)).toEqual(['earned', 'level_up', 'purchase', 'death_drop', 'earned']);
    expect(main.ledger.reduce((s, e) => s + e.amount, 0)).toBe(900);
    expect(main.bloodstain).toBe(main.ledger[3]!.bloodstainAfter);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    expect(store.exportUser(BOB).characters).toEqual([]);
  });
});

describe('importUser', () => {
  it('round-trips into another user (who becomes the owner) without touching the exporter', () => {
    const before = snapshot(ALICE);
    const result = store.importUser(BOB, JSON.stringify(store.exportUser(ALICE)));
    expect(result.imported.map((c) => c.name)).toEqual(['Main', 'Caster']);
    expect(result.imported.every((c) => c.ownerId === BOB)).toBe(true);
    expect(result.globalActive!.name).toBe('Main');
    expect(store.getActiveCharacter(BOB, GUILD)!.name).toBe('Caster');
    const bob = snapshot(BOB);
    expect({ ...bob.doc, userId: ALICE }).toEqual(before.doc);
    expect(snapshot(ALICE)).toEqual(before);
    expect(store.history({ userId: BOB, name: 'Main' }).totals).toEqual(store.history({ userId: ALICE, name: 'Main' }).totals);
    expect(store.checkIntegrity().ok).toBe(true);
  });

  it('merge refuses any name clash as a whole; replace swaps everything', () => {
    store.createCharacter(BOB, { name: 'main', className: 'Wretch' });
    store.createCharacter(BOB, { name: 'Other', className: 'Wretch' });
    const bobBefore = snapshot(BOB);
    const err = expectStoreError(() => store.importUser(BOB, exported()), 'name_taken');
    expect(err.message).toContain('Main');
    expect(err.message).toContain('nothing was changed');
    expect(snapshot(BOB)).toEqual(bobBefore);

    const r = store.importUser(BOB, exported(), { mode: 'replace' });
    expect(r.replaced).toBe(2);
    expect(store.listCharacters(BOB).characters.map((c) => c.name)).toEqual(['Main', 'Caster']);
    expect(store.getActiveCharacter(BOB)!.name).toBe('Main');
  });

  it('merge keeps the user’s own active selections and adds next to existing characters', () => {
    store.createCharacter(BOB, { name: 'Mine', className: 'Wretch' });
    store.importUser(BOB, exported());
    expect(store.listCharacters(BOB, GUILD)).toMatchObject({ globalActive: 'Mine', guildOverride: 'Caster' });
    expect(store.listCharacters(BOB).characters).toHaveLength(3);
  });

  it('refuses a file that would pass the 20-character limit', () => {
    for (let i = 0; i < 19; i++) store.createCharacter(BOB, { name: `b${i}`, className: 'Wretch' });
    const before = snapshot(BOB);
    expectStoreError(() => store.importUser(BOB, exported()), 'limit');
    expect(snapshot(BOB)).toEqual(before);
  });

  const malformed: [string, (d: ExportDocument) => unknown, RegExp][] = [
    ['not an object', () => 42, /\(file\)/],
    ['wrong format tag', (d) => ({ ...d, format: 'something-else' }), /^format: must be/],
    ['newer export version', (d) => ({ ...d, version: 2 }), /^version: must be 1/],
    ['unknown top-level key', (d) => ({ ...d, extra: true }), /extra/],
    ['missing stats', (d) => { delete (d.characters[0] as Partial<ExportDocument['characters'][0]>).stats; return d; }, /^characters\[0\]\.stats:/],
    ['stat above 99', (d) => { d.characters[0]!.stats.vigor = 150; return d; }, /^characters\[0\]\.stats\.vigor:/],
    ['fractional runes', (d) => { d.characters[0]!.runesHeld = 1.5; return d; }, /^characters\[0\]\.runesHeld:/],
    ['runes above the cap', (d) => { d.characters[1]!.runesHeld = 1_000_000_000; return d; }, /^characters\[1\]\.runesHeld:/],
    ['bad date', (d) => { d.characters[0]!.createdAt = 'yesterday'; return d; }, /createdAt: must be an ISO 8601/],
    ['unknown ledger kind', (d) => { (d.characters[0]!.ledger[0] as { kind: string }).kind = 'stolen'; return d; }, /^characters\[0\]\.ledger\[0\]\.kind:/],
    ['stat below the class start', (d) => { d.characters[0]!.stats.arcane = 6; d.characters[0]!.level = undefined; return d; }, /below the Vagabond's starting 7/],
    ['level not matching the stats', (d) => { d.characters[0]!.level = 50; return d; }, /level: 50 does not match the stats/],
    ['unknown class', (d) => { d.characters[0]!.class = 'Knight'; return d; }, /class: unknown starting class/],
    ['duplicate names', (d) => { d.characters[1]!.name = 'MAIN'; return d; }, /used twice/],
    ['control character in a name', (d) => { d.characters[1]!.name = 'Ca\u0007ster'; return d; }, /characters\[1\]\.name: .*control/],
    ['note with control characters', (d) => { d.characters[0]!.ledger[0]!.note = 'a\u0000b'; return d; }, /ledger\[0\]\.note/],
    ['held not the ledger sum', (d) => { d.characters[0]!.runesHeld = 901; return d; }, /entries sum to 900 but runes held is 901/],
    ['broken running balance', (d) => { d.characters[0]!.ledger[1]!.balanceAfter += 1; return d; }, /ledger\[1\] \(level_up\): balanceAfter/],
    ['bloodstain not matching the ledger', (d) => { d.characters[0]!.bloodstain = 5; return d; }, /bloodstain/],
    ['a lost entry with no bloodstain', (d) => { d.characters[1]!.ledger.unshift({ ...d.characters[1]!.ledger[0]!, kind: 'lost', amount: 0, balanceAfter: 0, lost: 10, bloodstainAfter: null }); return d; }, /no bloodstain to lose/],
    ['active not in the file', (d) => ({ ...d, active: 'Ghost' }), /^active: "Ghost"/],
    ['override naming a missing character', (d) => ({ ...d, guildOverrides: [{ guildId: '1', character: 'Ghost' }] }), /guildOverrides\[0\]\.character/],
  ];

  it.each(malformed)('rejects a file with %s, saying what is wrong, and changes nothing', (_label, mutate, issue) => {
    store.createCharacter(BOB, { name: 'Untouched', className: 'Hero' });
    store.addRunes({ userId: BOB }, 12);
    const before = [snapshot(ALICE), snapshot(BOB)];
    for (const mode of ['merge', 'replace'] as const) {
      const err = expectStoreError(() => store.importUser(BOB, mutate(exported()), { mode }), 'invalid');
      expect(err.issues!.length).toBeGreaterThan(0);
      expect(err.issues!.some((i) => issue.test(i)), err.issues!.join('\n')).toBe(true);
      expect(err.message).toContain('nothing was changed');
      expect([snapshot(ALICE), snapshot(BOB)]).toEqual(before);
    }
  });

  it('reports every problem at once and accepts JSON text or bytes', () => {
    const d = exported();
    d.characters[0]!.runesHeld = 7;
    d.characters[1]!.stats.mind = 3;
    const err = expectStoreError(() => store.importUser(BOB, JSON.stringify(d)), 'invalid');
    expect(err.issues!.length).toBeGreaterThanOrEqual(2);
    expectStoreError(() => store.importUser(BOB, '{"format": '), 'invalid');
    expect(expectStoreError(() => store.importUser(BOB, '{"format": '), 'invalid').issues![0]).toMatch(/not valid JSON/);
    expect(store.importUser(BOB, new TextEncoder().encode(JSON.stringify(exported()))).imported).toHaveLength(2);
  });

  it('an empty export imports as nothing', () => {
    const empty = store.exportUser('nobody');
    expect(store.importUser(BOB, empty)).toEqual({ imported: [], replaced: 0, globalActive: null });
    expect(() => store.importUser(BOB, empty, { mode: 'sideways' as never })).toThrow(StoreError);
  });
});
