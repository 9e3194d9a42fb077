// What a death costs and what prevents it (mechanics.md §7 [V2] unless noted).

export const DEATH_RULES = {
  dropped: 'Every rune you are carrying drops where you die; touching the bloodstain recovers them.',
  secondDeath: 'If you die again before recovering them, the earlier bloodstain and its runes are gone for good.',
  itemsSafe: "Rune items you haven't used are never dropped; only runes held are at risk.",
} as const;

export interface RuneLossProtection {
  name: string;
  kind: 'talisman' | 'physick-tear';
  /** One plain sentence in our own words. */
  effect: string;
  /** Consumed when it saves your runes (the Twig breaks). */
  singleUse: boolean;
  /** The effect lasts only a short time after drinking (the tear). */
  temporary: boolean;
}

export const RUNE_LOSS_PROTECTIONS: readonly RuneLossProtection[] = [
  {
    name: 'Sacrificial Twig',
    kind: 'talisman',
    effect: 'While equipped, your runes are kept on death; the twig breaks in exchange (single use).',
    singleUse: true,
    temporary: false,
  },
  {
    name: 'Twiggy Cracked Tear',
    kind: 'physick-tear',
    effect: 'Mixed into the Flask of Wondrous Physick: runes are kept on death while the short effect lasts.',
    singleUse: false,
    temporary: true,
  },
];
