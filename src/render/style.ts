/** Embed accent colours. */
export const BRAND_COLOR = 0xc8a862; // rune gold
export const ERROR_COLOR = 0xb33a3a;
export const DLC_COLOR = 0x7b6ca8;
