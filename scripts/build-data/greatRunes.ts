// A great rune's own effect. The goods row of a restored great rune points at no effect (the game
// applies it from its scripts while a Rune Arc is active); the SpEffectParam row that holds the bonus
// is the one the community row names call "[Item] <great rune>: Effect 0" (e.g. 600 for Godrick's Great
// Rune: every attribute +5). Only great runes with exactly one such row get it.
import type { EffectCollector } from './effects.ts';
import type { Game } from './game.ts';
import { addRow, type Draft } from './model.ts';
import { foldName } from './names.ts';

const EFFECT_ROW = /^\[Item\] (.+): Effect 0$/;

export function attachGreatRuneEffects(game: Game, drafts: readonly Draft[], fx: EffectCollector): { attached: string[]; without: string[] } {
  const byName = new Map<string, number[]>();
  for (const [id, name] of game.rowNames('SpEffectParam')) {
    const m = EFFECT_ROW.exec(name);
    if (!m?.[1]) continue;
    const key = foldName(m[1]);
    byName.set(key, [...(byName.get(key) ?? []), id]);
  }
  const attached: string[] = [];
  const without: string[] = [];
  for (const d of drafts) {
    if (d.category !== 'great_rune' || d.effects?.length) continue;
    const ids = byName.get(foldName(d.name)) ?? [];
    const id = ids.length === 1 ? ids[0]! : undefined;
    if (id === undefined || !fx.add(id)) {
      without.push(d.name);
      continue;
    }
    d.effects = [id];
    addRow(d, `SpEffectParam:${id}`);
    attached.push(d.name);
  }
  return { attached, without };
}
