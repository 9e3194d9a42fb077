// What must be the same on both backends beyond the operations: the database itself refuses rows that
// break the rules (CHECKs, foreign keys, unique names per owner), character ids are never handed out twice
// (so a button carrying an id stops working for good once that character is gone, even after a re-import
// of the same data), the install secret is one per database, and PostgreSQL's int8 reaches the code as a
// JavaScript number.
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openDb, parseInt8 } from '../../src/characters/db.ts';
import { openStore, type CharacterStore } from '../../src/characters/store.ts';
import { backends, freshSchema, postgres, tempDir, titleOf } from './helpers.ts';

const ALICE = '100000000000000001';
const BOB = '100000000000000002';

/** Runs plain SQL as an operator would, outside the store: returns the database's error code, or 'ok'. */
type Exec = (text: string) => Promise<string>;

describe.each(backends().map((b) => [titleOf(b), b] as const))('on %s', (_title, backend) => {
  const open: CharacterStore[] = [];
  const tmp = tempDir('characters-backends-');
  afterAll(() => tmp.cleanup());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  async function shared(): Promise<{ stores: [CharacterStore, CharacterStore]; exec: Exec; done: () => Promise<void> }> {
    const { location } = backend.shared(tmp.dir);
    const stores = (await Promise.all([openStore(location), openStore(location)])) as [CharacterStore, CharacterStore];
    open.push(...stores);
    if (typeof location === 'string') {
      const db = new Database(location);
      db.pragma('foreign_keys = ON');
      const exec: Exec = async (text) => {
        try {
          db.exec(text);
          return 'ok';
        } catch (err) {
          return (err as { code?: string }).code ?? 'error';
        }
      };
      return { stores, exec, done: async () => void db.close() };
    }
    const client = new pg.Client({ connectionString: location.url, options: `-c search_path=${location.schema}` });
    await client.connect();
    const exec: Exec = async (text) => {
      try {
        await client.query(text);
        return 'ok';
      } catch (err) {
        return (err as { code?: string }).code ?? 'error';
      }
    };
    return { stores, exec, done: () => client.end() };
  }

  describe.skipIf(backend.skip !== null)('the database enforces the rules itself', () => {
    it('refuses stats out of 1–99, runes past the cap, a level that does not match the stats, and a second name differing only in case', async () => {
      const { stores, exec, done } = await shared();
      try {
        await stores[0].createCharacter(ALICE, { name: 'Melina', className: 'Prophet' });
        const columns = 'owner_id, name, name_key, class, vigor, mind, endurance, strength, dexterity, intelligence, faith, arcane, level, runes_held, created_at, updated_at';
        // A Wretch: every stat 10, level 1 (8 × 10 − 79).
        const row = (over: Partial<Record<'name' | 'key' | 'vigor' | 'level' | 'runes', string | number>> = {}) =>
          `INSERT INTO characters (${columns}) VALUES ('${BOB}', '${over.name ?? 'X'}', '${over.key ?? 'x'}', 'Wretch', ${over.vigor ?? 10}, 10, 10, 10, 10, 10, 10, 10, ${over.level ?? 1}, ${over.runes ?? 0}, 1, 1)`;
        const refused = backend.name === 'sqlite' ? /^SQLITE_CONSTRAINT/ : /^23/;
        expect(await exec(row({ vigor: 100, level: 91 }))).toMatch(refused);
        expect(await exec(row({ runes: 1_000_000_000 }))).toMatch(refused);
        expect(await exec(row({ level: 2 }))).toMatch(refused);
        expect(await exec(row({ name: 'MELINA', key: 'melina' }).replace(`'${BOB}'`, `'${ALICE}'`))).toMatch(refused);
        expect(await exec(row())).toBe('ok'); // the same row with nothing wrong is fine
      } finally {
        await done();
      }
    });

    it("refuses a ledger entry or a selection that points at another owner's character", async () => {
      const { stores, exec, done } = await shared();
      try {
        const { character } = await stores[0].createCharacter(ALICE, { name: 'Melina', className: 'Prophet' });
        const refused = backend.name === 'sqlite' ? /^SQLITE_CONSTRAINT_FOREIGNKEY/ : /^23503$/;
        expect(
          await exec(
            `INSERT INTO rune_ledger (character_id, owner_id, kind, amount, balance_after, lost, created_at) VALUES (${character.id}, '${BOB}', 'earned', 5, 5, 0, 1)`,
          ),
        ).toMatch(refused);
        expect(await exec(`INSERT INTO active_global (user_id, character_id) VALUES ('${BOB}', ${character.id})`)).toMatch(refused);
        expect(await exec(`INSERT INTO active_guild (user_id, guild_id, character_id) VALUES ('${BOB}', 'g', ${character.id})`)).toMatch(refused);
      } finally {
        await done();
      }
    });
  });

  describe.skipIf(backend.skip !== null)('character ids are never reused', () => {
    it('after a delete, and after forget-me and a re-import of the same file', async () => {
      const store = await backend.open();
      open.push(store);
      const first = (await store.createCharacter(ALICE, { name: 'Melina', className: 'Prophet' })).character;
      await store.createCharacter(ALICE, { name: 'Ranni', className: 'Astrologer' });
      await store.deleteCharacter({ userId: ALICE, name: 'Ranni' }); // the highest id so far
      const third = (await store.createCharacter(ALICE, { name: 'Ranni', className: 'Astrologer' })).character;
      expect(third.id).toBeGreaterThan(first.id + 1);

      const file = await store.exportUser(ALICE);
      const before = (await store.listCharacters(ALICE)).characters.map((c) => c.id);
      await store.forgetUser(ALICE);
      const again = (await store.importUser(ALICE, file)).imported;
      expect(again.map((c) => c.name)).toEqual(['Melina', 'Ranni']);
      // Same names and data, new ids: nothing that carried an old id (a button) finds them.
      for (const c of again) expect(c.id).toBeGreaterThan(Math.max(...before));
      expect(await store.checkIntegrity()).toEqual({ ok: true, problems: [] });
    });
  });

  describe.skipIf(backend.skip !== null)('installSecret()', () => {
    it('is 32 random bytes, made once per database: the same for every store (process, replica) using it, and after a re-open', async () => {
      const { stores, done } = await shared();
      await done();
      // Both ask at the same moment, before any secret exists: one is made, both get it.
      const [a, b] = await Promise.all([stores[0].installSecret(), stores[1].installSecret()]);
      expect(a).toBeInstanceOf(Buffer);
      expect(a).toHaveLength(32);
      expect(b.equals(a)).toBe(true);
      expect(a.equals(Buffer.alloc(32))).toBe(false);
      expect((await stores[0].installSecret()).equals(a)).toBe(true);
      const other = await backend.open();
      open.push(other);
      expect((await other.installSecret()).equals(a)).toBe(false); // another database, another secret
    });
  });
});

describe.skipIf(postgres().url === null)(`PostgreSQL int8${postgres().url ? '' : ` (skipped: ${postgres().reason})`}`, () => {
  it('BIGINT, COUNT and SUM come back as JavaScript numbers', async () => {
    const db = await openDb({ backend: 'postgres', url: postgres().url!, schema: freshSchema() });
    try {
      const { rows } = await db.read((q) =>
        sql<{ big: unknown; n: unknown; total: unknown }>`SELECT 999999999999::int8 AS big, COUNT(*) AS n, SUM(runes_held) AS total FROM (VALUES (999999999), (999999999), (999999999)) AS t (runes_held)`.execute(q),
      );
      expect(rows[0]).toEqual({ big: 999_999_999_999, n: 3, total: 2_999_999_997 });
      for (const value of Object.values(rows[0]!)) expect(typeof value).toBe('number');
    } finally {
      await db.close();
    }
  });

  it('the store hands out numbers for ids, times and totals (identity and BIGINT columns)', async () => {
    const store = await openStore({ backend: 'postgres', url: postgres().url!, schema: freshSchema() });
    try {
      const { character, entry } = await store
        .createCharacter(ALICE, { name: 'Melina', className: 'Prophet' })
        .then(() => store.addRunes({ userId: ALICE }, 999_999_999));
      expect(typeof character.id).toBe('number');
      expect(typeof entry.id).toBe('number');
      expect(Date.parse(character.createdAt)).toBeGreaterThan(Date.UTC(2020, 0, 1));
      const page = await store.history({ userId: ALICE });
      expect(page.totals).toMatchObject({ earned: 999_999_999, entries: 1 });
    } finally {
      await store.close();
    }
  });

  it('a BIGINT beyond what a JavaScript number holds exactly is refused, not rounded', () => {
    expect(parseInt8('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => parseInt8('9007199254740993')).toThrow(RangeError);
  });
});
