// Property test with many users: random sequences of operations by random actors on random names,
// checked step by step against a plain model.
//  - Only the owner can change a character: every user's characters match the model after every step
//    (so a step by one user never changes another's), and every mutating call by an actor only ever
//    touches the actor's rows.
//  - Only the owner can read a private character: getCharacter by another viewer returns only public ones
//    and a private one is reported exactly as a missing one.
//  - Runes held = sum of the ledger (and the bloodstain = the newest entry's) after any sequence.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLASSES, STAT_KEYS, findClass, levelFromStats, type Stat, type Stats } from '../../src/game/classes.ts';
import { runesBetween } from '../../src/runes/levels.ts';
import { StoreError, type StoreErrorCode } from '../../src/characters/errors.ts';
import type { CharacterStore } from '../../src/characters/store.ts';
import { RUNE_CAP, nameKey } from '../../src/characters/validate.ts';
import { backends, titleOf, wording } from './helpers.ts';

const USERS = ['100000000000000001', '100000000000000002', '100000000000000003'];
const NAMES = ['Ash', 'ash', 'Ranni'];

interface ModelChar {
  name: string;
  className: string;
  stats: Stats;
  held: number;
  stain: number | null;
  isPublic: boolean;
}
type Model = Map<string, Map<string, ModelChar>>; // owner → nameKey → character

type Op =
  | { t: 'create'; actor: string; name: string; cls: string; isPublic: boolean }
  | { t: 'add'; actor: string; name: string; amount: number }
  | { t: 'set'; actor: string; name: string; amount: number }
  | { t: 'levelUp'; actor: string; name: string; stat: Stat; points: number }
  | { t: 'spend'; actor: string; name: string; kind: 'purchase' | 'upgrade'; amount: number }
  | { t: 'death'; actor: string; name: string }
  | { t: 'recovery'; actor: string; name: string }
  | { t: 'visibility'; actor: string; name: string; isPublic: boolean }
  | { t: 'rename'; actor: string; name: string; to: string }
  | { t: 'delete'; actor: string; name: string }
  | { t: 'setStat'; actor: string; name: string; stat: Stat; value: number }
  | { t: 'read'; actor: string; owner: string; name: string | null }
  | { t: 'forget'; actor: string }
  | { t: 'roundtrip'; actor: string };

const actor = fc.constantFrom(...USERS);
const name = fc.constantFrom(...NAMES);
const stat = fc.constantFrom(...STAT_KEYS);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 16, arbitrary: fc.record({ t: fc.constant('create' as const), actor, name, cls: fc.constantFrom(...CLASSES.map((c) => c.name)), isPublic: fc.boolean() }) },
  { weight: 20, arbitrary: fc.record({ t: fc.constant('add' as const), actor, name, amount: fc.oneof({ weight: 30, arbitrary: fc.integer({ min: -2_000, max: 200_000 }) }, { weight: 1, arbitrary: fc.constant(0) }) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('set' as const), actor, name, amount: fc.integer({ min: 0, max: 300_000 }) }) },
  { weight: 16, arbitrary: fc.record({ t: fc.constant('levelUp' as const), actor, name, stat, points: fc.integer({ min: 1, max: 6 }) }) },
  { weight: 12, arbitrary: fc.record({ t: fc.constant('spend' as const), actor, name, kind: fc.constantFrom('purchase' as const, 'upgrade' as const), amount: fc.integer({ min: 1, max: 60_000 }) }) },
  { weight: 12, arbitrary: fc.record({ t: fc.constant('death' as const), actor, name }) },
  { weight: 8, arbitrary: fc.record({ t: fc.constant('recovery' as const), actor, name }) },
  { weight: 8, arbitrary: fc.record({ t: fc.constant('visibility' as const), actor, name, isPublic: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('rename' as const), actor, name, to: name }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('delete' as const), actor, name }) },
  { weight: 8, arbitrary: fc.record({ t: fc.constant('setStat' as const), actor, name, stat, value: fc.integer({ min: 1, max: 99 }) }) },
  { weight: 20, arbitrary: fc.record({ t: fc.constant('read' as const), actor, owner: actor, name: fc.option(name, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('forget' as const), actor }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('roundtrip' as const), actor }) },
);

/** What the model says a step should do: an error code, or a change applied to the model. */
function expected(model: Model, o: Op): { error: StoreErrorCode } | { apply: () => void } | { either: true } {
  const own = model.get(o.actor) ?? new Map<string, ModelChar>();
  if (!model.has(o.actor)) model.set(o.actor, own);
  const ok = (apply: () => void = () => {}) => ({ apply });
  const fail = (error: StoreErrorCode) => ({ error });
  switch (o.t) {
    case 'create': {
      if (own.has(nameKey(o.name))) return fail('name_taken');
      return ok(() => own.set(nameKey(o.name), { name: o.name, className: o.cls, stats: { ...findClass(o.cls)!.stats }, held: 0, stain: null, isPublic: o.isPublic }));
    }
    case 'read': {
      const c = o.name === null ? undefined : model.get(o.owner)?.get(nameKey(o.name));
      if (o.name === null) {
        // The active one (not modelled): own → exists iff the owner has characters (the first is made active
        // and deleting the active one picks another); another's → public one or not_found, checked in the runner.
        if (o.owner === o.actor) return own.size > 0 ? ok() : fail('no_active');
        return { either: true } as const;
      }
      if (!c) return fail('not_found');
      if (o.owner !== o.actor && !c.isPublic) return fail('not_found');
      return ok();
    }
    case 'forget':
      return ok(() => own.clear());
    case 'roundtrip':
      return ok();
    default:
      break;
  }
  if ((o.t === 'add' && o.amount === 0)) return fail('invalid');
  const c = own.get(nameKey(o.name));
  if (!c) return fail('not_found');
  switch (o.t) {
    case 'add':
      if (c.held + o.amount < 0) return fail('insufficient_runes');
      return ok(() => (c.held += o.amount));
    case 'set':
      return ok(() => (c.held = o.amount));
    case 'levelUp': {
      if (c.stats[o.stat] + o.points > 99) return fail('invalid');
      const level = levelFromStats(c.stats);
      const cost = runesBetween(level, level + o.points);
      if (cost > c.held) return fail('insufficient_runes');
      return ok(() => {
        c.held -= cost;
        c.stats[o.stat] += o.points;
      });
    }
    case 'spend':
      if (o.amount > c.held) return fail('insufficient_runes');
      return ok(() => (c.held -= o.amount));
    case 'death':
      return ok(() => {
        c.stain = c.held > 0 ? c.held : null;
        c.held = 0;
      });
    case 'recovery':
      if (c.stain === null) return fail('no_bloodstain');
      return ok(() => {
        c.held = Math.min(RUNE_CAP, c.held + c.stain!);
        c.stain = null;
      });
    case 'visibility':
      return ok(() => (c.isPublic = o.isPublic));
    case 'rename': {
      const key = nameKey(o.to);
      if (key !== nameKey(c.name) && own.has(key)) return fail('name_taken');
      return ok(() => {
        own.delete(nameKey(c.name));
        c.name = o.to;
        own.set(key, c);
      });
    }
    case 'delete':
      return ok(() => own.delete(nameKey(c.name)));
    case 'setStat':
      if (o.value < findClass(c.className)!.stats[o.stat]) return fail('invalid');
      return ok(() => (c.stats[o.stat] = o.value));
  }
}

function run(store: CharacterStore, o: Op): Promise<unknown> {
  const ref = { userId: o.actor, name: 'name' in o ? o.name : null };
  switch (o.t) {
    case 'create':
      return store.createCharacter(o.actor, { name: o.name, className: o.cls, isPublic: o.isPublic });
    case 'add':
      return store.addRunes(ref, o.amount);
    case 'set':
      return store.setRunes(ref, o.amount);
    case 'levelUp':
      return store.levelUp(ref, o.stat, o.points);
    case 'spend':
      return store.spend(ref, o.kind, o.amount, 'thing');
    case 'death':
      return store.recordDeath(ref);
    case 'recovery':
      return store.recordRecovery(ref);
    case 'visibility':
      return store.setVisibility(ref, o.isPublic);
    case 'rename':
      return store.renameCharacter(ref, o.to);
    case 'delete':
      return store.deleteCharacter(ref);
    case 'setStat':
      return store.setStats(ref, { [o.stat]: o.value });
    case 'read':
      return store.getCharacter(o.actor, { ownerId: o.owner, name: o.name });
    case 'forget':
      return store.forgetUser(o.actor);
    case 'roundtrip':
      return store.exportUser(o.actor).then((doc) => store.importUser(o.actor, JSON.parse(JSON.stringify(doc)), { mode: 'replace' }));
  }
}

async function checkAgainstModel(store: CharacterStore, model: Model): Promise<void> {
  for (const user of USERS) {
    const listed = (await store.listCharacters(user)).characters;
    const want = [...(model.get(user)?.values() ?? [])];
    expect(listed.map((c) => c.ownerId).every((id) => id === user)).toBe(true);
    const got = Object.fromEntries(listed.map((c) => [nameKey(c.name), { name: c.name, className: c.className, stats: c.stats, held: c.runesHeld, stain: c.bloodstain, isPublic: c.isPublic }]));
    expect(got).toEqual(Object.fromEntries(want.map((c) => [nameKey(c.name), c])));
    for (const c of listed) expect(c.level).toBe(levelFromStats(c.stats));
  }
}

// On SQLite: 150 random runs of up to 80 steps. On PostgreSQL every step is a few network round trips,
// so fewer and shorter runs, from a fixed seed so the coverage check below is deterministic there.
describe.each(backends().map((b) => [titleOf(b), b] as const))('on %s', (_title, backend) => {
  let store: CharacterStore;
  const outcomes = new Map<string, number>();
  beforeEach(async () => {
    if (backend.skip === null) store = await backend.open();
  });
  afterEach(() => store?.close());
  const settings = backend.name === 'sqlite' ? { numRuns: 150, maxLength: 80 } : { numRuns: 50, maxLength: 80, seed: 20240301 };

  describe.skipIf(backend.skip !== null)('ownership and ledger invariants under random operations by many users', () => {
    it('matches the model after every step; reads respect privacy; held = sum of ledger', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: settings.maxLength, size: 'max' }), async (ops) => {
          for (const u of USERS) await store.forgetUser(u);
          const model: Model = new Map();
          for (const o of ops) {
            const want = expected(model, o);
            let result: unknown;
            let error: unknown;
            try {
              result = await run(store, o);
            } catch (err) {
              error = err;
            }
            if ('either' in want) {
              if (error !== undefined) expect((error as StoreError).code).toBe('not_found');
              else expect(result).toMatchObject({ ownerId: (o as { owner: string }).owner, isPublic: true });
            } else if ('error' in want) {
              expect(error, `${JSON.stringify(o)} should fail with ${want.error}`).toBeInstanceOf(StoreError);
              expect((error as StoreError).code, JSON.stringify(o)).toBe(want.error);
            } else {
              if (error !== undefined) throw new Error(`${JSON.stringify(o)} failed: ${(error as Error).message}`);
              want.apply();
              if (o.t === 'read') {
                const c = result as { ownerId: string; isPublic: boolean; name: string };
                expect(c.ownerId).toBe(o.owner);
                if (o.owner !== o.actor) expect(c.isPublic).toBe(true);
              } else if (o.t !== 'forget' && o.t !== 'roundtrip') {
                expect((result as { character?: { ownerId: string }; deleted?: { ownerId: string } }).character?.ownerId ?? (result as { deleted: { ownerId: string } }).deleted.ownerId).toBe(o.actor);
              }
            }
            if (o.t === 'read' && o.owner !== o.actor && error instanceof StoreError) {
              // private and missing are indistinguishable to another viewer
              expect(wording(error)).toMatch(/^That player has no public/);
            }
            const key = `${o.t}:${error === undefined ? 'ok' : (error as StoreError).code}`;
            outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
            await checkAgainstModel(store, model);
          }
          const integrity = await store.checkIntegrity();
          expect(integrity.problems).toEqual([]);
        }),
        { numRuns: settings.numRuns, ...(settings.seed === undefined ? {} : { seed: settings.seed }) },
      );
      if (process.env.SHOW_OUTCOMES) console.log([...outcomes].sort());
      // The sequences must exercise the interesting paths, not just fail early.
      for (const must of ['create:ok', 'add:ok', 'levelUp:ok', 'levelUp:insufficient_runes', 'spend:ok', 'death:ok', 'recovery:ok', 'recovery:no_bloodstain', 'read:ok', 'read:not_found', 'rename:ok', 'delete:ok', 'roundtrip:ok', 'add:not_found']) {
        expect(outcomes.get(must) ?? 0, must).toBeGreaterThan(0);
      }
    }, 180_000);
  });
});
