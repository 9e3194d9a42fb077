// User-typed text (character names, notes, search queries) must never ping anyone or break formatting.
// Pings are also blocked at send time (allowed_mentions: { parse: [] }); this keeps the text looking
// like what the user typed instead of turning into mentions, links or markdown.

import { escapeMarkdown } from '@discordjs/formatters';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Characters removed from user text wherever it is quoted: control characters, and the bidirectional
 * controls (embeddings, overrides, isolates, marks) that would reorder the text around them.
 */
const INVISIBLE_CONTROLS = /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escape markdown and neutralise everything Discord would render in one line of user text (newlines
 * become spaces): mentions, `<…>` tokens (timestamps `<t:1:R>`, command mentions `</item:1>`, custom
 * emoji, channel links), bare links (`https://…` stops being a link), block quotes and subtext.
 */
export function escapeUserText(text: string): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(INVISIBLE_CONTROLS, '');
  return escapeMarkdown(oneLine, { codeBlock: true, inlineCode: true, spoiler: true, maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/</g, `<${ZERO_WIDTH_SPACE}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/^(\s*)(>|-#)/, '$1\\$2');
}

/** Shorten to at most `max` characters (code points are not split), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(0, max));
  let cut = text.slice(0, max - 1);
  // Do not leave half of a surrogate pair.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * User text shown as inline code (`like this`): backticks and control characters removed so it can
 * neither close the code span nor break the line, and kept short.
 */
export function codeSpan(text: string, max = 60): string {
  const clean = text.replace(/[`\u2028\u2029]/g, '').replace(INVISIBLE_CONTROLS, '').trim();
  return `\`${truncate(clean || ' ', max)}\``;
}
