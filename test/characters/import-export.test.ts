import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/characters/errors.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument } from '../../src/characters/schema.ts';
import type { CharacterStore } from '../../src/characters/store.ts';
import { importIssueText } from '../../src/render/storeErrors.ts';
import { backends, expectStoreError, steppingClock, titleOf, wording } from './helpers.ts';

const ALICE = '100000000000000011';
const BOB = '100000000000000012';
const GUILD = '900000000000000042';

describe.each(backends().map((b) => [titleOf(b), b] as const))('export and import on %s', (_title, backend) => {
  describe.skipIf(backend.skip !== null)(backend.name, () => {
    let store: CharacterStore;
    beforeEach(async () => {
      store = await backend.open({ now: steppingClock() });
      await store.createCharacter(ALICE, { name: 'Main', className: 'Vagabond', isPublic: true, journey: 2, maxUpgrade: { regular: 18, somber: 7 } });
      await store.addRunes({ userId: ALICE }, 50_000, 'Godrick');
      await store.levelUp({ userId: ALICE }, 'strength', 2, 'more hit');
      await store.spend({ userId: ALICE }, 'purchase', 3_000, 'Smithing Stone [1]');
      await store.recordDeath({ userId: ALICE });
      await store.addRunes({ userId: ALICE }, 900);
      await store.createCharacter(ALICE, { name: 'Caster', className: 'Astrologer' });
      await store.switchActive(ALICE, 'Caster', GUILD);
      await store.addRunes({ userId: ALICE, name: 'Caster' }, 77);
    });
    afterEach(() => store.close());

    /** Everything about a user, without the export timestamp. */
    async function snapshot(userId: string) {
      const { exportedAt: _t, ...doc } = await store.exportUser(userId);
      return { doc, list: await store.listCharacters(userId, GUILD) };
    }

    async function exported(): Promise<ExportDocument> {
      return JSON.parse(JSON.stringify(await store.exportUser(ALICE))) as ExportDocument;
    }

    /** An import refusal's problems, one line each as the player reads them. */
    function issuesOf(err: StoreError<'invalid'>): string[] {
      return err.data.reason === 'import_file' ? err.data.issues.map(importIssueText) : [];
    }

    describe('exportUser', () => {
      it('is a versioned JSON document of all the user’s characters, ledgers and selections', async () => {
        const doc = await store.exportUser(ALICE);
        expect(doc).toMatchObject({ format: EXPORT_FORMAT, version: EXPORT_VERSION, userId: ALICE, active: 'Main', guildOverrides: [{ guildId: GUILD, character: 'Caster' }] });
        expect(doc.characters.map((c) => c.name)).toEqual(['Main', 'Caster']);
        const main = doc.characters[0]!;
        expect(main).toMatchObject({ class: 'Vagabond', level: 11, runesHeld: 900, public: true, journey: 2, maxUpgrade: { regular: 18, somber: 7 } });
        expect(main.ledger.map((e) => e.kind)).toEqual(['earned', 'level_up', 'purchase', 'death_drop', 'earned']);
        expect(main.ledger.reduce((s, e) => s + e.amount, 0)).toBe(900);
        expect(main.bloodstain).toBe(main.ledger[3]!.bloodstainAfter);
        expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
        expect((await store.exportUser(BOB)).characters).toEqual([]);
      });
    });

    describe('importUser', () => {
      it('round-trips into another user (who becomes the owner) without touching the exporter', async () => {
        const before = await snapshot(ALICE);
        const result = await store.importUser(BOB, JSON.stringify(await store.exportUser(ALICE)));
        expect(result.imported.map((c) => c.name)).toEqual(['Main', 'Caster']);
        expect(result.imported.every((c) => c.ownerId === BOB)).toBe(true);
        expect(result.globalActive!.name).toBe('Main');
        expect((await store.getActiveCharacter(BOB, GUILD))!.name).toBe('Caster');
        const bob = await snapshot(BOB);
        expect({ ...bob.doc, userId: ALICE }).toEqual(before.doc);
        expect(await snapshot(ALICE)).toEqual(before);
        expect((await store.history({ userId: BOB, name: 'Main' })).totals).toEqual((await store.history({ userId: ALICE, name: 'Main' })).totals);
        expect((await store.checkIntegrity()).ok).toBe(true);
      });

      it('merge refuses any name clash as a whole; replace swaps everything', async () => {
        await store.createCharacter(BOB, { name: 'main', className: 'Wretch' });
        await store.createCharacter(BOB, { name: 'Other', className: 'Wretch' });
        const bobBefore = await snapshot(BOB);
        const err = await expectStoreError(async () => store.importUser(BOB, await exported()), 'name_taken');
        expect(wording(err)).toContain('Main');
        expect(wording(err)).toContain('nothing was changed');
        expect(await snapshot(BOB)).toEqual(bobBefore);

        const r = await store.importUser(BOB, await exported(), { mode: 'replace' });
        expect(r.replaced).toBe(2);
        expect((await store.listCharacters(BOB)).characters.map((c) => c.name)).toEqual(['Main', 'Caster']);
        expect((await store.getActiveCharacter(BOB))!.name).toBe('Main');
      });

      it('merge keeps the user’s own active selections and adds next to existing characters', async () => {
        await store.createCharacter(BOB, { name: 'Mine', className: 'Wretch' });
        await store.importUser(BOB, await exported());
        expect(await store.listCharacters(BOB, GUILD)).toMatchObject({ globalActive: 'Mine', guildOverride: 'Caster' });
        expect((await store.listCharacters(BOB)).characters).toHaveLength(3);
      });

      it('refuses a file that would pass the 20-character limit', async () => {
        for (let i = 0; i < 19; i++) await store.createCharacter(BOB, { name: `b${i}`, className: 'Wretch' });
        const before = await snapshot(BOB);
        await expectStoreError(async () => store.importUser(BOB, await exported()), 'limit');
        expect(await snapshot(BOB)).toEqual(before);
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

      it.each(malformed)('rejects a file with %s, saying what is wrong, and changes nothing', async (_label, mutate, issue) => {
        await store.createCharacter(BOB, { name: 'Untouched', className: 'Hero' });
        await store.addRunes({ userId: BOB }, 12);
        const before = [await snapshot(ALICE), await snapshot(BOB)];
        for (const mode of ['merge', 'replace'] as const) {
          const err = await expectStoreError(async () => store.importUser(BOB, mutate(await exported()), { mode }), 'invalid');
          const issues = issuesOf(err);
          expect(issues.length).toBeGreaterThan(0);
          expect(issues.some((i) => issue.test(i)), issues.join('\n')).toBe(true);
          expect(wording(err)).toContain('nothing was changed');
          expect([await snapshot(ALICE), await snapshot(BOB)]).toEqual(before);
        }
      });

      it('reports every problem at once and accepts JSON text or bytes', async () => {
        const d = await exported();
        d.characters[0]!.runesHeld = 7;
        d.characters[1]!.stats.mind = 3;
        const err = await expectStoreError(() => store.importUser(BOB, JSON.stringify(d)), 'invalid');
        expect(issuesOf(err).length).toBeGreaterThanOrEqual(2);
        await expectStoreError(() => store.importUser(BOB, '{"format": '), 'invalid');
        expect(issuesOf(await expectStoreError(() => store.importUser(BOB, '{"format": '), 'invalid'))[0]).toMatch(/not valid JSON/);
        expect((await store.importUser(BOB, new TextEncoder().encode(JSON.stringify(await exported())))).imported).toHaveLength(2);
      });

      it('refuses a malformed userId or server id like any other bad field, and says whose file it was', async () => {
        const d = await exported();
        const badUser = { ...d, userId: 'alice' };
        expect(issuesOf(await expectStoreError(() => store.importUser(BOB, badUser), 'invalid'))).toEqual(
          expect.arrayContaining([expect.stringMatching(/^userId: must be a Discord user id/)]),
        );
        const badGuild = { ...d, guildOverrides: [{ guildId: 'not-a-server', character: 'Main' }] };
        expect(issuesOf(await expectStoreError(() => store.importUser(BOB, badGuild), 'invalid'))).toEqual(
          expect.arrayContaining([expect.stringMatching(/^guildOverrides\[0\]\.guildId: must be a Discord server id/)]),
        );
        // A well-formed file of another account is the importer's to use: the result names its account.
        expect((await store.importUser(BOB, d)).fileUserId).toBe(ALICE);
      });

      it('an empty export imports as nothing', async () => {
        const empty = await store.exportUser('100000000000000099');
        expect(await store.importUser(BOB, empty)).toMatchObject({ imported: [], replaced: 0, globalActive: null, backup: null });
        await expect(store.importUser(BOB, empty, { mode: 'sideways' as never })).rejects.toThrow(StoreError);
      });
    });
  });
});
