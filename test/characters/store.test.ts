import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASSES, levelFromStats } from '../../src/game/classes.ts';
import { levelCost, runesBetween } from '../../src/runes/levels.ts';
import { openStore, type CharacterStore } from '../../src/characters/store.ts';
import { MAX_CHARACTERS_PER_USER, RUNE_CAP } from '../../src/characters/validate.ts';
import { backends, expectStoreError, steppingClock, tempDir, titleOf, wording } from './helpers.ts';

const ALICE = '100000000000000001';
const BOB = '100000000000000002';
const GUILD = '900000000000000001';
const OTHER_GUILD = '900000000000000002';

// The whole suite runs on each backend (SQLite in memory; PostgreSQL in a fresh schema per test).
describe.each(backends().map((b) => [titleOf(b), b] as const))('store on %s', (_title, backend) => {
  describe.skipIf(backend.skip !== null)(backend.name, () => {
    let store: CharacterStore;
    beforeEach(async () => {
      store = await backend.open({ now: steppingClock() });
    });
    afterEach(() => store.close());

    async function ledgerSum(userId: string, name: string): Promise<number> {
      const doc = await store.exportUser(userId);
      const c = doc.characters.find((x) => x.name === name)!;
      return c.ledger.reduce((s, e) => s + e.amount, 0);
    }

    describe('acceptance scenario (issue 5) at the store level', () => {
      it('create a Vagabond, add 100,000, level vigor 5 times for 4,763, die, add 5,000, die again, recover 5,000', async () => {
        const me = { userId: ALICE };
        const created = await store.createCharacter(ALICE, { name: 'Tarnished', className: 'Vagabond' });
        expect(created.character.level).toBe(9);
        expect(created.madeActive).toBe(true);

        expect((await store.addRunes(me, 100_000, 'Margit')).character.runesHeld).toBe(100_000);
        let spent = 0;
        for (let i = 0; i < 5; i++) spent += (await store.levelUp(me, 'vigor')).cost;
        expect(spent).toBe(4_763);
        expect(levelCost(9) + levelCost(10) + levelCost(11) + levelCost(12) + levelCost(13)).toBe(4_763);
        let c = (await store.getActiveCharacter(ALICE))!;
        expect(c.level).toBe(14);
        expect(c.stats.vigor).toBe(20);
        expect(c.runesHeld).toBe(95_237);

        const death1 = await store.recordDeath(me);
        expect(death1.dropped).toBe(95_237);
        expect(death1.lostBloodstain).toBe(0);
        expect(death1.character).toMatchObject({ runesHeld: 0, bloodstain: 95_237 });

        await store.addRunes(me, 5_000);
        const death2 = await store.recordDeath(me);
        expect(death2.lostBloodstain).toBe(95_237);
        expect(death2.dropped).toBe(5_000);
        expect(death2.entries.map((e) => e.kind)).toEqual(['lost', 'death_drop']);

        const rec = await store.recordRecovery(me);
        expect(rec.recovered).toBe(5_000);
        expect(rec.lostToCap).toBe(0);
        c = rec.character;
        expect(c.runesHeld).toBe(5_000);
        expect(c.bloodstain).toBeNull();

        const h = await store.history(me, 1, 50);
        const steps = [...h.entries].reverse().map((e) => [e.kind, e.amount, e.balanceAfter, e.bloodstainAfter, e.lost]);
        expect(steps).toEqual([
          ['earned', 100_000, 100_000, null, 0],
          ['level_up', -811, 99_189, null, 0],
          ['level_up', -829, 98_360, null, 0],
          ['level_up', -847, 97_513, null, 0],
          ['level_up', -1_038, 96_475, null, 0],
          ['level_up', -1_238, 95_237, null, 0],
          ['death_drop', -95_237, 0, 95_237, 0],
          ['earned', 5_000, 5_000, 95_237, 0],
          ['lost', 0, 5_000, null, 95_237],
          ['death_drop', -5_000, 0, 5_000, 0],
          ['recovered', 5_000, 5_000, null, 0],
        ]);
        expect(h.entries[0]!.note).toBeNull();
        expect(h.entries.at(-1)!.note).toBe('Margit');
        expect(h.totals).toEqual({
          earned: 105_000,
          spent: { level_up: 4_763, purchase: 0, upgrade: 0, total: 4_763 },
          lost: 95_237,
          dropped: 100_237,
          recovered: 5_000,
          corrections: 0,
          deaths: 2,
          entries: 11,
        });
        expect(await ledgerSum(ALICE, 'Tarnished')).toBe(5_000);

        // A second user can neither see nor change the private character.
        await expectStoreError(() => store.getCharacter(BOB, { ownerId: ALICE, name: 'Tarnished' }), 'not_found');
        await expectStoreError(() => store.addRunes({ userId: BOB, name: 'Tarnished' }, 1), 'not_found');
        expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
      });
    });

    describe('createCharacter', () => {
      it('starts from the class stats, derives the level, is private, and only the first is made active', async () => {
        for (const cls of CLASSES) {
          const { character } = await store.createCharacter(ALICE, { name: cls.name + ' one', className: cls.name.toUpperCase() });
          expect(character.className).toBe(cls.name);
          expect(character.stats).toEqual(cls.stats);
          expect(character.level).toBe(cls.level);
          expect(character).toMatchObject({ runesHeld: 0, bloodstain: null, journey: 1, maxUpgrade: { regular: 0, somber: 0 }, isPublic: false });
        }
        expect((await store.getActiveCharacter(ALICE))!.name).toBe('Vagabond one');
        expect((await store.createCharacter(BOB, { name: 'x', className: 'wretch' })).madeActive).toBe(true);
        expect((await store.createCharacter(BOB, { name: 'y', className: 'wretch' })).madeActive).toBe(false);
      });

      it('accepts custom stats (level recomputed), progress and visibility', async () => {
        const { character } = await store.createCharacter(ALICE, {
          name: 'Strong',
          className: 'Hero',
          stats: { strength: 40, vigor: 30 },
          journey: 3,
          maxUpgrade: { regular: 25, somber: 10 },
          isPublic: true,
        });
        expect(character.level).toBe(levelFromStats({ ...CLASSES[2]!.stats, strength: 40, vigor: 30 }));
        expect(character).toMatchObject({ journey: 3, maxUpgrade: { regular: 25, somber: 10 }, isPublic: true });
        expect(character.createdAt).toMatch(/^2024-03-01T12:00:\d\d\.000Z$/);
      });

      it('cleans names: trims, collapses spaces, 1–32 characters, no control or bidi characters', async () => {
        expect((await store.createCharacter(ALICE, { name: '  Sir   Gideon  ', className: 'Samurai' })).character.name).toBe('Sir Gideon');
        expect((await store.createCharacter(ALICE, { name: 'é'.padEnd(32, 'x'), className: 'Samurai' })).character.name).toHaveLength(32);
        expect((await store.createCharacter(ALICE, { name: '🗡️ Blade', className: 'Samurai' })).character.name).toBe('🗡️ Blade');
        for (const bad of ['', '   ', 'x'.repeat(33), 'a\nb', 'tab\there', 'nul\u0000', 'rtl\u202Eevil', 'zw\u200Bsp', 'lone\uD800']) {
          await expectStoreError(() => store.createCharacter(ALICE, { name: bad, className: 'Samurai' }), 'invalid');
        }
      });

      it('names are unique per owner regardless of case, but two owners may share a name', async () => {
        await store.createCharacter(ALICE, { name: 'Melina', className: 'Prophet' });
        const err = await expectStoreError(() => store.createCharacter(ALICE, { name: 'MELINA', className: 'Prophet' }), 'name_taken');
        expect(wording(err)).toContain('MELINA');
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'Ｍｅｌｉｎａ', className: 'Prophet' }), 'name_taken'); // full-width
        expect((await store.createCharacter(BOB, { name: 'melina', className: 'Prophet' })).character.ownerId).toBe(BOB);
      });

      it('refuses unknown classes, stats below the class start or above 99, unknown stat keys, bad progress', async () => {
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Knight' }), 'invalid');
        const low = await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Vagabond', stats: { vigor: 14 } }), 'invalid');
        expect(wording(low)).toContain('15');
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Vagabond', stats: { vigor: 100 } }), 'invalid');
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Vagabond', stats: { vigor: 20.5 } }), 'invalid');
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Vagabond', stats: { luck: 20 } as never }), 'invalid');
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Vagabond', journey: 0 }), 'invalid');
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Vagabond', maxUpgrade: { regular: 26 } }), 'invalid');
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'a', className: 'Vagabond', maxUpgrade: { somber: 11 } }), 'invalid');
        await expectStoreError(() => store.createCharacter('', { name: 'a', className: 'Vagabond' }), 'invalid');
        expect((await store.listCharacters(ALICE)).characters).toEqual([]);
      });

      it('allows at most 20 characters per user', async () => {
        for (let i = 0; i < MAX_CHARACTERS_PER_USER; i++) await store.createCharacter(ALICE, { name: `c${i}`, className: 'Wretch' });
        await expectStoreError(() => store.createCharacter(ALICE, { name: 'one more', className: 'Wretch' }), 'limit');
        expect((await store.createCharacter(BOB, { name: 'c0', className: 'Wretch' })).character.name).toBe('c0');
      });
    });

    describe('active character, list, get, switch', () => {
      beforeEach(async () => {
        await store.createCharacter(ALICE, { name: 'Main', className: 'Vagabond' });
        await store.createCharacter(ALICE, { name: 'Alt', className: 'Astrologer' });
        await store.createCharacter(ALICE, { name: 'Third', className: 'Bandit' });
      });

      it('guild override wins in that guild, global elsewhere', async () => {
        const sw = await store.switchActive(ALICE, 'alt', GUILD);
        expect(sw.scope).toBe('guild');
        expect(sw.previous).toBeNull();
        expect((await store.getActiveCharacter(ALICE, GUILD))!.name).toBe('Alt');
        expect((await store.getActiveCharacter(ALICE, OTHER_GUILD))!.name).toBe('Main');
        expect((await store.getActiveCharacter(ALICE))!.name).toBe('Main');
        expect((await store.getActiveCharacter(ALICE, null))!.name).toBe('Main');

        const global = await store.switchActive(ALICE, 'THIRD', null);
        expect(global).toMatchObject({ scope: 'global', previous: { name: 'Main' }, character: { name: 'Third' } });
        expect((await store.getActiveCharacter(ALICE, GUILD))!.name).toBe('Alt'); // override kept
        expect((await store.getActiveCharacter(ALICE, OTHER_GUILD))!.name).toBe('Third');

        expect(await store.listCharacters(ALICE, GUILD)).toMatchObject({ active: 'Alt', globalActive: 'Third', guildOverride: 'Alt' });
        expect((await store.listCharacters(ALICE)).characters.map((c) => c.name)).toEqual(['Main', 'Alt', 'Third']);

        expect(await store.clearGuildOverride(ALICE, GUILD)).toMatchObject({ cleared: true, active: { name: 'Third' } });
        expect((await store.clearGuildOverride(ALICE, GUILD)).cleared).toBe(false);
        expect((await store.getActiveCharacter(ALICE, GUILD))!.name).toBe('Third');
      });

      it('operations without a name use the active character (guild override first)', async () => {
        await store.switchActive(ALICE, 'Alt', GUILD);
        await store.addRunes({ userId: ALICE, guildId: GUILD }, 10);
        await store.addRunes({ userId: ALICE }, 20);
        await store.addRunes({ userId: ALICE, name: 'third' }, 30);
        const runes = Object.fromEntries((await store.listCharacters(ALICE)).characters.map((c) => [c.name, c.runesHeld]));
        expect(runes).toEqual({ Main: 20, Alt: 10, Third: 30 });
        await expectStoreError(() => store.addRunes({ userId: BOB }, 1), 'no_active');
        await expectStoreError(() => store.getCharacter(BOB), 'no_active');
      });

      it('getCharacter: own by name or active; another user only if public, private looks missing', async () => {
        expect((await store.getCharacter(ALICE, { name: 'alt' })).name).toBe('Alt');
        expect((await store.getCharacter(ALICE)).name).toBe('Main');
        await expectStoreError(() => store.getCharacter(ALICE, { name: 'nobody' }), 'not_found');

        const privateErr = await expectStoreError(() => store.getCharacter(BOB, { ownerId: ALICE, name: 'Alt' }), 'not_found');
        const missingErr = await expectStoreError(() => store.getCharacter(BOB, { ownerId: ALICE, name: 'Nobody' }), 'not_found');
        expect(wording(privateErr).replace('Alt', 'X')).toBe(wording(missingErr).replace('Nobody', 'X'));
        await expectStoreError(() => store.getCharacter(BOB, { ownerId: ALICE }), 'not_found');

        await store.setVisibility({ userId: ALICE, name: 'Alt' }, true);
        expect((await store.getCharacter(BOB, { ownerId: ALICE, name: 'ALT' })).name).toBe('Alt');
        await store.switchActive(ALICE, 'Alt', GUILD);
        expect((await store.getCharacter(BOB, { ownerId: ALICE, guildId: GUILD })).name).toBe('Alt');
        await expectStoreError(() => store.getCharacter(BOB, { ownerId: ALICE }), 'not_found'); // global active Main is private
      });

      it('switching to a name the user does not own fails, even if another user has it', async () => {
        await store.createCharacter(BOB, { name: 'Bobby', className: 'Hero' });
        await expectStoreError(() => store.switchActive(ALICE, 'Bobby', null), 'not_found');
        expect((await store.getActiveCharacter(ALICE))!.name).toBe('Main');
      });
    });

    describe('rename, delete, visibility', () => {
      beforeEach(async () => {
        await store.createCharacter(ALICE, { name: 'Main', className: 'Vagabond' });
        await store.createCharacter(ALICE, { name: 'Alt', className: 'Astrologer' });
      });

      it('renames, including a change of case only, and keeps the selection', async () => {
        expect(await store.renameCharacter({ userId: ALICE, name: 'main' }, 'MAIN')).toMatchObject({ previousName: 'Main', character: { name: 'MAIN' } });
        expect(await store.renameCharacter({ userId: ALICE }, 'Renni')).toMatchObject({ previousName: 'MAIN', character: { name: 'Renni' } });
        expect((await store.getActiveCharacter(ALICE))!.name).toBe('Renni');
        await expectStoreError(() => store.renameCharacter({ userId: ALICE, name: 'Renni' }, 'alt'), 'name_taken');
        await expectStoreError(() => store.renameCharacter({ userId: ALICE, name: 'Renni' }, ''), 'invalid');
        await expectStoreError(() => store.renameCharacter({ userId: BOB, name: 'Renni' }, 'Mine'), 'not_found');
        expect((await store.getCharacter(ALICE, { name: 'Renni' })).name).toBe('Renni');
      });

      it('deleting the global active character picks the most recently updated one; the last leaves none', async () => {
        await store.createCharacter(ALICE, { name: 'Third', className: 'Bandit' });
        await store.addRunes({ userId: ALICE, name: 'Alt' }, 5); // Alt now most recently updated
        await store.switchActive(ALICE, 'Main', GUILD);
        const del = await store.deleteCharacter({ userId: ALICE, name: 'Main' });
        expect(del).toMatchObject({ deleted: { name: 'Main' }, wasGlobalActive: true, globalActive: { name: 'Alt' }, ledgerEntriesDeleted: 0 });
        expect((await store.getActiveCharacter(ALICE, GUILD))!.name).toBe('Alt'); // the override went with it
        expect((await store.listCharacters(ALICE, GUILD)).guildOverride).toBeNull();

        const del2 = await store.deleteCharacter({ userId: ALICE, name: 'Third' });
        expect(del2).toMatchObject({ wasGlobalActive: false, globalActive: { name: 'Alt' } });
        const del3 = await store.deleteCharacter({ userId: ALICE });
        expect(del3).toMatchObject({ deleted: { name: 'Alt' }, wasGlobalActive: true, globalActive: null, ledgerEntriesDeleted: 1 });
        expect(await store.getActiveCharacter(ALICE)).toBeNull();
        expect((await store.createCharacter(ALICE, { name: 'Fresh', className: 'Wretch' })).madeActive).toBe(true);
        expect((await store.checkIntegrity()).ok).toBe(true);
      });

      it('another user cannot delete', async () => {
        await expectStoreError(() => store.deleteCharacter({ userId: BOB, name: 'Main' }), 'not_found');
        expect((await store.listCharacters(ALICE)).characters).toHaveLength(2);
      });

      it('sets visibility and reports whether it changed', async () => {
        expect(await store.setVisibility({ userId: ALICE }, true)).toMatchObject({ changed: true, character: { isPublic: true } });
        expect((await store.setVisibility({ userId: ALICE }, true)).changed).toBe(false);
        expect((await store.setVisibility({ userId: ALICE }, false)).character.isPublic).toBe(false);
        await expectStoreError(() => store.setVisibility({ userId: ALICE }, 'yes' as never), 'invalid');
      });
    });

    describe('stats and progress', () => {
      beforeEach(async () => void (await store.createCharacter(ALICE, { name: 'Main', className: 'Vagabond' })));

      it('sets any subset, recomputes the level, leaves runes alone', async () => {
        await store.addRunes({ userId: ALICE }, 1234);
        const r = await store.setStats({ userId: ALICE }, { vigor: 40, dexterity: 30 });
        expect(r.previousLevel).toBe(9);
        expect(r.previousStats.vigor).toBe(15);
        expect(r.character.level).toBe(9 + 25 + 17);
        expect(r.character.runesHeld).toBe(1234);
        expect((await store.setStats({ userId: ALICE }, { vigor: 15 })).character.level).toBe(9 + 17);
      });

      it('refuses values below the class start, above 99, fractional or unknown, changing nothing', async () => {
        await expectStoreError(() => store.setStats({ userId: ALICE }, { vigor: 60, arcane: 6 }), 'invalid');
        await expectStoreError(() => store.setStats({ userId: ALICE }, { mind: 100 }), 'invalid');
        await expectStoreError(() => store.setStats({ userId: ALICE }, { mind: 11.5 }), 'invalid');
        await expectStoreError(() => store.setStats({ userId: ALICE }, { poise: 11 } as never), 'invalid');
        expect((await store.getActiveCharacter(ALICE))!.stats.vigor).toBe(15);
      });

      it('sets journey and highest upgrades within range', async () => {
        expect((await store.setProgress({ userId: ALICE }, { journey: 2, maxUpgrade: { regular: 12 } })).character).toMatchObject({
          journey: 2,
          maxUpgrade: { regular: 12, somber: 0 },
        });
        expect((await store.setProgress({ userId: ALICE }, { maxUpgrade: { somber: 4 } })).character.maxUpgrade).toEqual({ regular: 12, somber: 4 });
        await expectStoreError(() => store.setProgress({ userId: ALICE }, { journey: 1000 }), 'invalid');
        await expectStoreError(() => store.setProgress({ userId: ALICE }, { maxUpgrade: { regular: -1 } }), 'invalid');
      });
    });

    describe('runes: set, add, level up, spend', () => {
      const me = { userId: ALICE };
      beforeEach(async () => void (await store.createCharacter(ALICE, { name: 'Main', className: 'Wretch' })));

      it('set records a correction of the difference (possibly 0)', async () => {
        await store.addRunes(me, 500);
        const r = await store.setRunes(me, 200, 'misclick');
        expect(r).toMatchObject({ previous: 500, entry: { kind: 'correction', amount: -300, balanceAfter: 200, note: 'misclick' } });
        expect((await store.setRunes(me, 200)).entry.amount).toBe(0);
        expect((await store.setRunes(me, RUNE_CAP)).character.runesHeld).toBe(RUNE_CAP);
        await expectStoreError(() => store.setRunes(me, RUNE_CAP + 1), 'invalid');
        await expectStoreError(() => store.setRunes(me, -1), 'invalid');
        expect(await ledgerSum(ALICE, 'Main')).toBe(RUNE_CAP);
      });

      it('add: positive is earned, negative a correction; refuses 0, fractions, going below 0 or above the cap', async () => {
        expect((await store.addRunes(me, 1000, '  boss  ')).entry).toMatchObject({ kind: 'earned', amount: 1000, note: 'boss' });
        expect((await store.addRunes(me, -400)).entry).toMatchObject({ kind: 'correction', amount: -400, balanceAfter: 600 });
        await expectStoreError(() => store.addRunes(me, 0), 'invalid');
        await expectStoreError(() => store.addRunes(me, 1.5), 'invalid');
        await expectStoreError(() => store.addRunes(me, Number.NaN), 'invalid');
        expect((await expectStoreError(() => store.addRunes(me, -601), 'insufficient_runes')).data.shortfall).toBe(1);
        await expectStoreError(() => store.addRunes(me, RUNE_CAP), 'rune_cap');
        await expectStoreError(() => store.addRunes(me, 1, 'x'.repeat(201)), 'invalid');
        await expectStoreError(() => store.addRunes(me, 1, 'bell\u0007'), 'invalid');
        expect((await store.getActiveCharacter(ALICE))!.runesHeld).toBe(600);
      });

      it('level up spends exactly runesBetween(L, L+points) and refuses with the shortfall', async () => {
        await store.addRunes(me, 10_000);
        const r = await store.levelUp(me, 'Strength', 3);
        expect(r.cost).toBe(levelCost(1) + levelCost(2) + levelCost(3));
        expect(r).toMatchObject({ fromLevel: 1, toLevel: 4, stat: 'strength', fromValue: 10, toValue: 13 });
        expect(r.entry).toMatchObject({ kind: 'level_up', amount: -r.cost, stat: 'strength', points: 3 });
        expect(r.character.runesHeld).toBe(10_000 - r.cost);

        const before = (await store.getActiveCharacter(ALICE))!;
        const need = runesBetween(4, 14);
        const err = await expectStoreError(() => store.levelUp(me, 'mind', 10), 'insufficient_runes');
        expect(err.data.required).toBe(need);
        expect(err.data.shortfall).toBe(need - before.runesHeld);
        expect(wording(err)).toContain(need.toLocaleString('en-US'));
        expect(await store.getActiveCharacter(ALICE)).toEqual(before);

        await store.setStats(me, { faith: 98 });
        await store.setRunes(me, RUNE_CAP);
        await expectStoreError(() => store.levelUp(me, 'faith', 2), 'invalid');
        expect((await store.levelUp(me, 'faith')).toValue).toBe(99);
        await expectStoreError(() => store.levelUp(me, 'faith'), 'invalid');
        await expectStoreError(() => store.levelUp(me, 'luck'), 'invalid');
        await expectStoreError(() => store.levelUp(me, 'vigor', 0), 'invalid');
        expect((await store.checkIntegrity()).ok).toBe(true);
      });

      it('spend: purchase and upgrade, refuses when short', async () => {
        await store.addRunes(me, 3000);
        expect((await store.spend(me, 'purchase', 1000, 'Stonesword Key')).entry).toMatchObject({ kind: 'purchase', amount: -1000, item: 'Stonesword Key' });
        expect((await store.spend(me, 'upgrade', 1500, 'Uchigatana +3', 'at Hewg')).entry).toMatchObject({ kind: 'upgrade', amount: -1500, note: 'at Hewg' });
        const err = await expectStoreError(() => store.spend(me, 'purchase', 600, 'Lantern'), 'insufficient_runes');
        expect(err.data.shortfall).toBe(100);
        await expectStoreError(() => store.spend(me, 'purchase', 0, 'Lantern'), 'invalid');
        await expectStoreError(() => store.spend(me, 'purchase', 10, '   '), 'invalid');
        await expectStoreError(() => store.spend(me, 'gift' as never, 10, 'Lantern'), 'invalid');
        expect((await store.getActiveCharacter(ALICE))!.runesHeld).toBe(500);
      });

      it('recordUpgrade spends and raises the highest upgrade in one step, never lowers it, refuses when short', async () => {
        await store.addRunes(me, 3000);
        const first = await store.recordUpgrade(me, { amount: 900, what: 'Longsword +0→+3', path: 'regular', toLevel: 3 });
        expect(first.raised).toBe(true);
        expect(first.entry).toMatchObject({ kind: 'upgrade', amount: -900, balanceAfter: 2100, item: 'Longsword +0→+3' });
        expect(first.character.maxUpgrade).toEqual({ regular: 3, somber: 0 });
        const lower = await store.recordUpgrade(me, { amount: 550, what: 'Club +0→+2', path: 'regular', toLevel: 2 });
        expect(lower.raised).toBe(false);
        expect(lower.character.maxUpgrade.regular).toBe(3);
        const short = await expectStoreError(() => store.recordUpgrade(me, { amount: 5000, what: 'Moonveil +0→+5', path: 'somber', toLevel: 5 }), 'insufficient_runes');
        expect(short.data.shortfall).toBe(5000 - 1550);
        expect((await store.getActiveCharacter(ALICE))!.maxUpgrade.somber).toBe(0);
        await expectStoreError(() => store.recordUpgrade(me, { amount: 10, what: 'Moonveil', path: 'somber', toLevel: 11 }), 'invalid');
        expect((await store.checkIntegrity()).ok).toBe(true);
      });
    });

    describe('deaths and bloodstains', () => {
      const me = { userId: ALICE };
      beforeEach(async () => void (await store.createCharacter(ALICE, { name: 'Main', className: 'Wretch' })));

      it('dying with nothing leaves no bloodstain (but still loses an earlier one)', async () => {
        expect(await store.recordDeath(me)).toMatchObject({ dropped: 0, lostBloodstain: 0, character: { bloodstain: null } });
        await store.addRunes(me, 70);
        await store.recordDeath(me);
        const r = await store.recordDeath(me);
        expect(r).toMatchObject({ dropped: 0, lostBloodstain: 70, character: { bloodstain: null, runesHeld: 0 } });
        await expectStoreError(() => store.recordRecovery(me), 'no_bloodstain');
      });

      it('recovering past the cap keeps 999,999,999 and records the excess as lost', async () => {
        await store.addRunes(me, 600_000_000);
        await store.recordDeath(me);
        await store.addRunes(me, 500_000_000);
        const r = await store.recordRecovery(me);
        expect(r).toMatchObject({ recovered: 499_999_999, lostToCap: 100_000_001, character: { runesHeld: RUNE_CAP, bloodstain: null } });
        expect((await store.history(me)).totals.lost).toBe(100_000_001);
        expect((await store.checkIntegrity()).ok).toBe(true);
      });
    });

    describe('history', () => {
      const me = { userId: ALICE };
      it('pages newest first, clamps the page, and totals every kind', async () => {
        await store.createCharacter(ALICE, { name: 'Main', className: 'Wretch' });
        for (let i = 1; i <= 23; i++) await store.addRunes(me, i * 100, `#${i}`);
        await store.spend(me, 'purchase', 50, 'Torch');
        await store.spend(me, 'upgrade', 70, 'Club +1');
        await store.setRunes(me, 20_000);
        const p1 = await store.history(me, 1, 10);
        expect(p1).toMatchObject({ page: 1, pageCount: 3, pageSize: 10 });
        expect(p1.entries.map((e) => e.kind).slice(0, 3)).toEqual(['correction', 'upgrade', 'purchase']);
        const p3 = await store.history(me, 3, 10);
        expect(p3.entries.map((e) => e.note)).toEqual(['#6', '#5', '#4', '#3', '#2', '#1']);
        expect((await store.history(me, 99, 10)).page).toBe(3);
        expect(p1.totals).toMatchObject({ earned: 27_600, spent: { purchase: 50, upgrade: 70, level_up: 0, total: 120 }, corrections: 20_000 - 27_480, entries: 26 });
        await expectStoreError(() => store.history(me, 0), 'invalid');
        await expectStoreError(() => store.history(me, 1, 101), 'invalid');
        await expectStoreError(() => store.history({ userId: BOB, name: 'Main' }), 'not_found');
      });

      it('an empty ledger has one empty page', async () => {
        await store.createCharacter(ALICE, { name: 'Main', className: 'Wretch' });
        expect(await store.history(me)).toMatchObject({ page: 1, pageCount: 1, entries: [], totals: { entries: 0, earned: 0 } });
      });
    });

    describe('forgetUser', () => {
      it('deletes all of that user’s characters, ledgers and selections, and nothing of anyone else', async () => {
        await store.createCharacter(ALICE, { name: 'Main', className: 'Wretch' });
        await store.createCharacter(ALICE, { name: 'Alt', className: 'Wretch' });
        await store.switchActive(ALICE, 'Alt', GUILD);
        await store.addRunes({ userId: ALICE }, 5);
        await store.addRunes({ userId: ALICE, name: 'Alt' }, 6);
        await store.createCharacter(BOB, { name: 'Main', className: 'Hero' });
        await store.addRunes({ userId: BOB }, 7);
        expect(await store.forgetUser(ALICE)).toEqual({ characters: 2, ledgerEntries: 2, selections: 2 });
        expect(await store.listCharacters(ALICE, GUILD)).toEqual({ characters: [], active: null, globalActive: null, guildOverride: null });
        expect((await store.exportUser(ALICE)).characters).toEqual([]);
        expect((await store.getActiveCharacter(BOB))!.runesHeld).toBe(7);
        expect(await store.forgetUser(ALICE)).toEqual({ characters: 0, ledgerEntries: 0, selections: 0 });
        expect((await store.checkIntegrity()).ok).toBe(true);
      });
    });
  });
});

describe('file database', () => {
  it('creates the parent folder on first use and keeps data across re-opens', async () => {
    const tmp = tempDir();
    try {
      const path = join(tmp.dir, 'nested', 'deeper', 'bot.db');
      const a = await openStore(path);
      await a.createCharacter(ALICE, { name: 'Kept', className: 'Confessor' });
      await a.addRunes({ userId: ALICE }, 42);
      await a.close();
      expect(existsSync(path)).toBe(true);
      const b = await openStore(path);
      expect(await b.getActiveCharacter(ALICE)).toMatchObject({ name: 'Kept', runesHeld: 42 });
      await b.close();
    } finally {
      tmp.cleanup();
    }
  });
});
