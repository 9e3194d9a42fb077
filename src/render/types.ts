// A reply described independently of Discord: handlers build these, `render/discord.ts` turns them into
// Discord API bodies (enforcing the limits) and `render/text.ts` into readable console text.

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface EmbedView {
  title?: string;
  url?: string;
  description?: string;
  color?: number;
  fields?: EmbedField[];
  footer?: string;
  thumbnailUrl?: string;
  /**
   * The large image under the embed: the name of a file in `Reply.files` (e.g. a chart), rendered as
   * `attachment://<name>`. Dropped when that file is not sent (missing, or over Discord's limits).
   */
  imageFile?: string;
}

export type ButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';

export type ButtonView =
  | { kind: 'button'; label: string; customId: string; style?: ButtonStyle; disabled?: boolean; emoji?: string }
  | { kind: 'link'; label: string; url: string; disabled?: boolean; emoji?: string };

export interface SelectOptionView {
  label: string;
  value: string;
  description?: string;
}

export interface SelectView {
  kind: 'select';
  customId: string;
  placeholder?: string;
  options: SelectOptionView[];
  disabled?: boolean;
}

/** One action row: up to 5 buttons, or one select menu. */
export type ComponentRow = ButtonView[] | SelectView;

export interface FileView {
  /** Shown to the user; sent with characters other than A–Z a–z 0–9 . _ - replaced (see render/discord.ts). */
  name: string;
  data: Buffer;
  /** Alt text (Discord shows it to screen readers), at most 1024 characters. */
  description?: string;
}

export interface Reply {
  content?: string;
  embeds?: EmbedView[];
  components?: ComponentRow[];
  files?: FileView[];
  /** Only the invoking user sees it (interaction replies only; DMs are private anyway). */
  ephemeral?: boolean;
  /** The input was refused (what is valid is said): never sent to Discord; the console exits 2. */
  refused?: boolean;
}

/** What a component (button/select) handler answers: a new message, or an edit of the message it sits on. */
export type ComponentReply = { mode: 'reply'; reply: Reply } | { mode: 'update'; reply: Reply };

export interface Choice {
  name: string;
  value: string | number;
  /**
   * What the console's Tab completion writes for this choice when `value` is an internal key
   * (an item's name, say): never sent to Discord.
   */
  typed?: string;
}
