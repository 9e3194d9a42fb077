import { describe, expect, it } from 'vitest';
import { deathRisk } from '../../src/runes/death.ts';

describe('deathRisk', () => {
  it('puts every held rune at risk and says what they would buy', () => {
    const risk = deathRisk(7_112_459, 1);
    expect(risk.runesAtRisk).toBe(7_112_459);
    expect(risk.levelsWorth).toMatchObject({ fromLevel: 1, level: 150, levelsGained: 149, leftover: 0 });
  });

  it('works without a level', () => {
    expect(deathRisk(0)).toMatchObject({ runesAtRisk: 0, levelsWorth: null });
  });

  it('states the recovery rule and the two protections', () => {
    const risk = deathRisk(1_000);
    expect(risk.rules.secondDeath).toMatch(/gone for good/);
    expect(risk.rules.itemsSafe).toMatch(/never dropped/);
    const twig = risk.protections.find((p) => p.name === 'Sacrificial Twig')!;
    expect(twig).toMatchObject({ kind: 'talisman', singleUse: true, temporary: false });
    const tear = risk.protections.find((p) => p.name === 'Twiggy Cracked Tear')!;
    expect(tear).toMatchObject({ kind: 'physick-tear', singleUse: false, temporary: true });
    // The rules are the game's own (mechanics.md §7): nothing to warn about.
    expect(risk.notes).toEqual([]);
  });

  it('rejects negative runes and bad levels', () => {
    expect(() => deathRisk(-1)).toThrow(RangeError);
    expect(() => deathRisk(100, 714)).toThrow(/1 to 713/);
    expect(() => deathRisk('100' as never)).toThrow(TypeError);
  });
});
