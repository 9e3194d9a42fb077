// The rune ledger's semantics, as one replay function used both to audit the database and to re-check an
// imported file.
//
// Every entry records a signed `amount` added to runes held, the resulting `balanceAfter`, the bloodstain
// after it (`bloodstainAfter`, null = none) and `lost`, the runes gone for good in that entry:
//   earned      amount > 0                    (runes add with a positive amount)
//   level_up    amount < 0                    (−runesBetween(L, L+points); stat and points set)
//   purchase    amount < 0                    (merchant price × quantity; item set)
//   upgrade     amount < 0                    (smithing cost; item set)
//   correction  any amount                    (runes set: new − old, possibly 0; or a negative add)
//   lost        amount = 0, lost = the old bloodstain, bloodstainAfter = null
//               (written just before the death_drop of a death that finds an unrecovered bloodstain)
//   death_drop  amount = −held (balanceAfter = 0), bloodstainAfter = the dropped runes (null if 0 dropped)
//   recovered   amount + lost = the bloodstain, bloodstainAfter = null
//               (lost > 0 only when held + bloodstain would pass the 999,999,999 cap: the game discards the excess)
// Kinds other than lost/death_drop/recovered leave the bloodstain unchanged and have lost = 0.
// Hence: runes held = SUM(amount) exactly, and the bloodstain = the newest entry's bloodstainAfter.

import type { LedgerKind } from './types.ts';
import { RUNE_CAP } from './validate.ts';

export interface LedgerFacts {
  kind: LedgerKind;
  amount: number;
  balanceAfter: number;
  bloodstainAfter: number | null;
  lost: number;
}

/** Replays entries from an empty character; returns one line per broken rule (empty = consistent). */
export function replayLedger(entries: readonly LedgerFacts[], final: { runesHeld: number; bloodstain: number | null }, label = 'ledger'): string[] {
  const problems: string[] = [];
  let held = 0;
  let stain: number | null = null;
  entries.forEach((e, i) => {
    const at = `${label}[${i}] (${e.kind})`;
    const before = held;
    held += e.amount;
    if (e.balanceAfter !== held) problems.push(`${at}: balanceAfter is ${e.balanceAfter} but the running total is ${held}`);
    held = e.balanceAfter; // resynchronise so one mistake is reported once
    if (held < 0 || held > RUNE_CAP) problems.push(`${at}: balance ${held} is outside 0–${RUNE_CAP}`);
    if (e.lost < 0) problems.push(`${at}: lost must not be negative`);
    const keepsStain = e.kind !== 'lost' && e.kind !== 'death_drop' && e.kind !== 'recovered';
    if (keepsStain) {
      if (e.bloodstainAfter !== stain) problems.push(`${at}: bloodstainAfter should stay ${stain ?? 'none'}`);
      if (e.lost !== 0) problems.push(`${at}: lost must be 0 for this kind`);
    }
    switch (e.kind) {
      case 'earned':
        if (e.amount <= 0) problems.push(`${at}: amount must be positive`);
        break;
      case 'level_up':
      case 'purchase':
      case 'upgrade':
        if (e.amount >= 0) problems.push(`${at}: amount must be negative`);
        break;
      case 'correction':
        break;
      case 'lost':
        if (stain === null) problems.push(`${at}: there is no bloodstain to lose`);
        if (e.amount !== 0) problems.push(`${at}: amount must be 0 (a lost bloodstain does not change runes held)`);
        if (stain !== null && e.lost !== stain) problems.push(`${at}: lost should be the bloodstain, ${stain}`);
        if (e.bloodstainAfter !== null) problems.push(`${at}: bloodstainAfter must be none`);
        break;
      case 'death_drop':
        if (stain !== null) problems.push(`${at}: an earlier bloodstain must be recorded as lost first`);
        if (e.balanceAfter !== 0) problems.push(`${at}: all held runes must drop (balanceAfter 0)`);
        if (e.lost !== 0) problems.push(`${at}: lost must be 0`);
        if (e.bloodstainAfter !== (before > 0 ? before : null)) problems.push(`${at}: bloodstainAfter should be ${before > 0 ? before : 'none'}`);
        break;
      case 'recovered':
        if (stain === null) problems.push(`${at}: there is no bloodstain to recover`);
        else if (e.amount < 0 || e.amount + e.lost !== stain) problems.push(`${at}: amount + lost should equal the bloodstain, ${stain}`);
        if (e.bloodstainAfter !== null) problems.push(`${at}: bloodstainAfter must be none`);
        break;
    }
    stain = e.bloodstainAfter;
  });
  if (held !== final.runesHeld) problems.push(`${label}: entries sum to ${held} but runes held is ${final.runesHeld}`);
  if (stain !== final.bloodstain) problems.push(`${label}: entries leave the bloodstain at ${stain ?? 'none'} but the character has ${final.bloodstain ?? 'none'}`);
  return problems;
}
