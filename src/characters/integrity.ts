// A whole-database audit for operators and tests: the engine's own checks (SQLite: integrity_check and
// foreign_key_check; PostgreSQL enforces its constraints itself), then every ledger replayed against its
// character (replay.ts) and every stat against its class's minimum. One read transaction.

import { STAT_KEYS, findClass } from '../game/classes.ts';
import { replayLedger } from './replay.ts';
import type { StoreContext } from './rows.ts';

export interface IntegrityReport {
  ok: boolean;
  /** One line per problem found (for an operator, not a player). */
  problems: string[];
}

export async function checkIntegrity(ctx: StoreContext): Promise<IntegrityReport> {
  return ctx.db.read(async (q) => {
    const problems: string[] = [];
    const raw = ctx.db.sqlite;
    if (raw) {
      const integrity = raw.pragma('integrity_check') as { integrity_check: string }[];
      for (const r of integrity) if (r.integrity_check !== 'ok') problems.push(`integrity_check: ${r.integrity_check}`);
      const fk = raw.pragma('foreign_key_check') as unknown[];
      if (fk.length > 0) problems.push(`foreign_key_check: ${fk.length} violation(s)`);
    }
    const rows = await q.selectFrom('characters').selectAll().orderBy('id').execute();
    const entries = await q.selectFrom('rune_ledger').selectAll().orderBy('character_id').orderBy('id').execute();
    const byCharacter = new Map<number, typeof entries>();
    for (const e of entries) {
      const list = byCharacter.get(e.character_id);
      if (list) list.push(e);
      else byCharacter.set(e.character_id, [e]);
    }
    for (const row of rows) {
      const ledger = (byCharacter.get(row.id) ?? []).map((e) => {
        if (e.owner_id !== row.owner_id) problems.push(`ledger entry ${e.id}: owner ${e.owner_id} is not the character's owner`);
        return { kind: e.kind, amount: e.amount, balanceAfter: e.balance_after, bloodstainAfter: e.bloodstain_after, lost: e.lost };
      });
      problems.push(...replayLedger(ledger, { runesHeld: row.runes_held, bloodstain: row.bloodstain }, `character ${row.id} (${row.owner_id}/${row.name})`));
      const cls = findClass(row.class);
      if (!cls) problems.push(`character ${row.id}: unknown class ${row.class}`);
      else for (const s of STAT_KEYS) if (row[s] < cls.stats[s]) problems.push(`character ${row.id}: ${s} ${row[s]} below the class minimum`);
    }
    return { ok: problems.length === 0, problems };
  });
}
