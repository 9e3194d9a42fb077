// Discord's limits (discord-api-docs, 2026). The renderer enforces them so no handler can produce a
// reply Discord would reject with a 400.

export const DiscordLimits = {
  CONTENT: 2000,
  EMBEDS_PER_MESSAGE: 10,
  EMBED_TITLE: 256,
  EMBED_DESCRIPTION: 4096,
  EMBED_FIELDS: 25,
  EMBED_FIELD_NAME: 256,
  EMBED_FIELD_VALUE: 1024,
  EMBED_FOOTER: 2048,
  EMBED_AUTHOR: 256,
  EMBED_TOTAL: 6000,
  ACTION_ROWS: 5,
  BUTTONS_PER_ROW: 5,
  BUTTON_LABEL: 80,
  CUSTOM_ID: 100,
  SELECT_OPTIONS: 25,
  SELECT_OPTION_LABEL: 100,
  SELECT_OPTION_VALUE: 100,
  SELECT_OPTION_DESCRIPTION: 100,
  SELECT_PLACEHOLDER: 150,
  AUTOCOMPLETE_CHOICES: 25,
  CHOICE_NAME: 100,
  CHOICE_VALUE: 100,
  /** Files attached to one message. */
  ATTACHMENTS_PER_MESSAGE: 10,
  /** Upload limit per file without server boosts (10 MiB). */
  ATTACHMENT_BYTES: 10 * 1024 * 1024,
  /** An attachment's description (alt text). */
  ATTACHMENT_DESCRIPTION: 1024,
  /** Initial interaction response deadline. */
  RESPONSE_DEADLINE_MS: 3000,
} as const;

/** Defer a reply when the handler has not answered by then (leaves time for the round trip). */
export const DEFER_AFTER_MS = 2000;
