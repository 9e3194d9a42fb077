// Community-tested figures (sources in src/game/matchmakingTables.ts): co-op 0.9L−10 … 1.1L+10,
// invasion 0.9L … 1.1L+20, and the r/Eldenring weapon table.
import { describe, expect, it } from 'vitest';
import { WEAPON_MATCH_TABLE } from '../../src/game/matchmakingTables.ts';
import { levelMatchRanges, matchmakingFor, matchmakingWeapon, regularUpperLimitFormula, weaponMatchRange } from '../../src/runes/matchmaking.ts';

describe('level ranges', () => {
  it('level 125: co-op 103–147, invading 113–157, invaded by 96–138', () => {
    // 125·0.9 − 10 = 102.5, 125·1.1 + 10 = 147.5; 112.5 … 157.5. The same figures appear on
    // https://cal2.calculator.city/elden-ring-summon-range-calculator for level 125.
    const r = levelMatchRanges(125);
    expect(r.summon).toEqual({ min: 103, max: 147 });
    expect(r.invade).toEqual({ min: 113, max: 157 });
    expect(r.invadedBy).toEqual({ min: 96, max: 138 });
  });

  it('level 150: co-op 125–175, invading 135–185', () => {
    const r = levelMatchRanges(150);
    expect(r.summon).toEqual({ min: 125, max: 175 });
    expect(r.invade).toEqual({ min: 135, max: 185 });
  });

  it('clamps to 1..713 and removes the upper limit from 306 (summon) and 301 (invade)', () => {
    expect(levelMatchRanges(1).summon).toEqual({ min: 1, max: 11 });
    expect(levelMatchRanges(305).summon.max).toBe(345);
    expect(levelMatchRanges(306).summon.max).toBe(713);
    expect(levelMatchRanges(300).invade.max).toBe(350);
    expect(levelMatchRanges(301).invade.max).toBe(713);
    expect(levelMatchRanges(713).summon).toEqual({ min: 632, max: 713 });
    expect(levelMatchRanges(306).notes.map((n) => n.id)).toContain('matchmaking-uncapped');
    expect(levelMatchRanges(100).notes.map((n) => n.id)).not.toContain('matchmaking-uncapped');
  });

  it('reverse ranges are consistent with the forward rule', () => {
    for (const level of [1, 10, 50, 125, 200, 300, 400, 713]) {
      const r = levelMatchRanges(level);
      if (r.joinHosts) {
        expect(levelMatchRanges(r.joinHosts.min).summon.min).toBeLessThanOrEqual(level);
        expect(levelMatchRanges(r.joinHosts.max).summon.max).toBeGreaterThanOrEqual(level);
      }
    }
  });

  it('labels every range community-tested and includes the password rule', () => {
    const r = levelMatchRanges(80);
    expect(r.notes.map((n) => n.confidence)).toContain('community-tested');
    expect(r.notes.find((n) => n.id === 'matchmaking-password')?.text).toMatch(/password/);
  });

  it('rejects bad levels', () => {
    expect(() => levelMatchRanges(0)).toThrow(/1 to 713/);
    expect(() => levelMatchRanges(714)).toThrow(RangeError);
  });
});

describe('weapon ranges', () => {
  it('matches the tested table', () => {
    expect(weaponMatchRange(0)).toMatchObject({ regular: { min: 0, max: 3 }, somberRange: { min: 0, max: 1 } });
    expect(weaponMatchRange(12)).toMatchObject({ regular: { min: 8, max: 17 }, somberRange: { min: 4, max: 7 } });
    expect(weaponMatchRange(25)).toMatchObject({ regular: { min: 19, max: 25 }, somberRange: { min: 8, max: 10 } });
    expect(weaponMatchRange(4, true)).toMatchObject({ regular: { min: 6, max: 14 }, somberRange: { min: 3, max: 5 } });
    expect(weaponMatchRange(10, true)).toMatchObject({ regular: { min: 19, max: 25 }, somberRange: { min: 8, max: 10 } });
  });

  it('flags the +22 conflict between the original table and its repost', () => {
    expect(weaponMatchRange(22).regular.min).toBe(17);
    expect(weaponMatchRange(22).notes.map((n) => n.id)).toContain('matchmaking-weapon-22');
    expect(weaponMatchRange(9, true).notes.map((n) => n.id)).toContain('matchmaking-weapon-22');
    expect(weaponMatchRange(21).notes.map((n) => n.id)).not.toContain('matchmaking-weapon-22');
  });

  it("the literal regular table agrees with the source's formula round(7/6·w + 2.5)", () => {
    for (const row of WEAPON_MATCH_TABLE) {
      expect(row.regular[1], `+${row.regularLevel} upper`).toBe(regularUpperLimitFormula(row.regularLevel));
      // Lower limit: the smallest level whose upper limit reaches this one (matching is mutual).
      let lower = 0;
      while (regularUpperLimitFormula(lower) < row.regularLevel) lower++;
      expect(row.regular[0], `+${row.regularLevel} lower`).toBe(lower);
    }
  });

  it('every somber level 0..10 has a row', () => {
    for (let s = 0; s <= 10; s++) expect(weaponMatchRange(s, true).row.somberEquivalent).toBe(s);
  });

  it('rejects bad weapon levels', () => {
    expect(() => weaponMatchRange(26)).toThrow(/0 to 25/);
    expect(() => weaponMatchRange(11, true)).toThrow(/0 to 10/);
    expect(() => weaponMatchRange(5, 'yes' as never)).toThrow(TypeError);
  });

  it('combines level and weapon ranges with merged notes', () => {
    const m = matchmakingFor(150, 25);
    expect(m.weapon?.regular).toEqual({ min: 19, max: 25 });
    expect(new Set(m.notes.map((n) => n.id)).size).toBe(m.notes.length);
    expect(matchmakingFor(150).weapon).toBeNull();
  });
});

describe('which highest upgrade a character matches by', () => {
  // R1's "Spec" column, typed from the source: somber +n matches like regular
  // +0, +2, +5, +7, +10, +12, +15, +17, +20, +22, +25 for n = 0 … 10.
  const SOMBER_AS_REGULAR = [0, 2, 5, 7, 10, 12, 15, 17, 20, 22, 25];

  it('the higher-ranking of regular and somber, reading somber as its regular equivalent; a tie goes to regular', () => {
    expect(matchmakingWeapon({ regular: 20, somber: 3 })).toEqual({ level: 20, somber: false }); // +3 somber ≈ +7 < +20
    expect(matchmakingWeapon({ regular: 5, somber: 3 })).toEqual({ level: 3, somber: true }); // +7 > +5
    expect(matchmakingWeapon({ regular: 7, somber: 3 })).toEqual({ level: 7, somber: false }); // tie
    expect(matchmakingWeapon({ regular: 24, somber: 10 })).toEqual({ level: 10, somber: true }); // +25 > +24
    expect(matchmakingWeapon({ regular: 0, somber: 0 })).toEqual({ level: 0, somber: false });
    for (let n = 0; n <= 10; n++) {
      const equivalent = SOMBER_AS_REGULAR[n]!;
      expect(matchmakingWeapon({ regular: equivalent, somber: n }).somber, `somber +${n} vs regular +${equivalent}`).toBe(false);
      if (equivalent > 0) expect(matchmakingWeapon({ regular: equivalent - 1, somber: n }), `somber +${n}`).toEqual({ level: n, somber: true });
    }
  });

  it('takes the path asked for, and refuses levels a weapon cannot have', () => {
    expect(matchmakingWeapon({ regular: 20, somber: 3 }, true)).toEqual({ level: 3, somber: true });
    expect(matchmakingWeapon({ regular: 5, somber: 9 }, false)).toEqual({ level: 5, somber: false });
    expect(() => matchmakingWeapon({ regular: 26, somber: 0 })).toThrow(RangeError);
    expect(() => matchmakingWeapon({ regular: 0, somber: 11 })).toThrow(/from 0 to 10/);
    expect(() => matchmakingWeapon(null as never)).toThrow(TypeError);
  });
});
