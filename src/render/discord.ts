// Reply → Discord API message body. The one place that knows Discord's limits: every string is cut to
// its limit, counts are capped, and mentions never ping.

import {
  ButtonStyle as ApiButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { DiscordLimits as L } from './limits.ts';
import { truncate } from '../text/escape.ts';
import type { ButtonStyle, ButtonView, Choice, ComponentRow, EmbedView, FileView, Reply } from './types.ts';

export type MessageBody = APIInteractionResponseCallbackData & { attachments?: { id: number; filename: string; description?: string }[] };

const BUTTON_STYLES: Record<ButtonStyle, ApiButtonStyle.Primary | ApiButtonStyle.Secondary | ApiButtonStyle.Success | ApiButtonStyle.Danger> = {
  primary: ApiButtonStyle.Primary,
  secondary: ApiButtonStyle.Secondary,
  success: ApiButtonStyle.Success,
  danger: ApiButtonStyle.Danger,
};

function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** A file as sent to Discord: its name made safe for `attachment://` references. */
export interface SentFile {
  name: string;
  data: Buffer;
  description?: string;
  /** The name the reply gave it (what `EmbedView.imageFile` refers to). */
  original: string;
}

/**
 * A file name Discord keeps as given, so `attachment://<name>` finds it: A–Z a–z 0–9 . _ - only (other
 * characters become "-"), no leading dot, at most 100 characters with the extension kept.
 */
export function attachmentName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(safe)?.[0] ?? '';
  const stem = safe.slice(0, safe.length - ext.length).replace(/^[.-]+/, '') || 'file';
  return stem.slice(0, 100 - ext.length) + ext;
}

/**
 * The files of a reply within Discord's limits: at most 10, none above the 10 MiB upload limit (a
 * bigger one is left out rather than having Discord refuse the whole message), names made safe and
 * unique, descriptions cut to 1024 characters.
 */
export function renderFiles(files: readonly FileView[] = []): SentFile[] {
  const sent: SentFile[] = [];
  const used = new Set<string>();
  for (const file of files) {
    if (sent.length >= L.ATTACHMENTS_PER_MESSAGE) break;
    if (file.data.length > L.ATTACHMENT_BYTES) continue;
    const safe = attachmentName(file.name);
    let name = safe;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const dot = safe.lastIndexOf('.');
      name = dot > 0 ? `${safe.slice(0, dot)}-${n}${safe.slice(dot)}` : `${safe}-${n}`;
    }
    used.add(name.toLowerCase());
    sent.push({ name, data: file.data, original: file.name, ...(file.description ? { description: truncate(file.description, L.ATTACHMENT_DESCRIPTION) } : {}) });
  }
  return sent;
}

function renderEmbed(view: EmbedView, files: readonly SentFile[]): APIEmbed {
  const embed: APIEmbed = {};
  if (view.title) embed.title = truncate(view.title, L.EMBED_TITLE);
  if (view.url) embed.url = view.url;
  if (view.description) embed.description = truncate(view.description, L.EMBED_DESCRIPTION);
  if (view.color !== undefined) embed.color = view.color;
  if (view.thumbnailUrl) embed.thumbnail = { url: view.thumbnailUrl };
  if (view.imageFile !== undefined) {
    const file = files.find((f) => f.original === view.imageFile);
    if (file) embed.image = { url: `attachment://${file.name}` };
  }
  const fields: APIEmbedField[] = [];
  for (const field of (view.fields ?? []).slice(0, L.EMBED_FIELDS)) {
    const rendered: APIEmbedField = {
      name: truncate(field.name || '\u200b', L.EMBED_FIELD_NAME),
      value: truncate(field.value || '\u200b', L.EMBED_FIELD_VALUE),
    };
    if (field.inline) rendered.inline = true;
    fields.push(rendered);
  }
  if (fields.length) embed.fields = fields;
  if (view.footer) embed.footer = { text: truncate(view.footer, L.EMBED_FOOTER) };
  return embed;
}

/**
 * Keep the sum over all embeds within 6000 characters. Earlier embeds win: each embed gets what is left of
 * the budget, shrinking by dropping trailing fields, then shortening description, footer and title;
 * embeds that no longer fit at all are dropped.
 */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const kept: APIEmbed[] = [];
  let budget: number = L.EMBED_TOTAL;
  for (const embed of embeds) {
    while (embedLength(embed) > budget && embed.fields?.length) embed.fields.pop();
    if (embed.fields?.length === 0) delete embed.fields;
    for (const part of ['description', 'footer', 'title'] as const) {
      const excess = embedLength(embed) - budget;
      if (excess <= 0) break;
      const text = part === 'footer' ? embed.footer?.text : embed[part];
      if (!text) continue;
      const shorter = text.length - excess >= 2 ? truncate(text, text.length - excess) : '';
      if (part === 'footer') {
        if (shorter) embed.footer = { text: shorter };
        else delete embed.footer;
      } else if (shorter) embed[part] = shorter;
      else delete embed[part];
    }
    const length = embedLength(embed);
    if (length > budget || (length === 0 && !embed.thumbnail && !embed.image)) break;
    kept.push(embed);
    budget -= length;
  }
  return kept;
}

function renderButton(view: ButtonView): APIComponentInMessageActionRow {
  const label = truncate(view.label, L.BUTTON_LABEL);
  const emoji = view.emoji ? { emoji: { name: view.emoji } } : {};
  if (view.kind === 'link') {
    return { type: ComponentType.Button, style: ApiButtonStyle.Link, label, url: view.url, disabled: view.disabled ?? false, ...emoji };
  }
  return {
    type: ComponentType.Button,
    style: BUTTON_STYLES[view.style ?? 'secondary'],
    label,
    custom_id: view.customId.slice(0, L.CUSTOM_ID),
    disabled: view.disabled ?? false,
    ...emoji,
  };
}

function renderRow(row: ComponentRow): APIActionRowComponent<APIComponentInMessageActionRow> | undefined {
  if (Array.isArray(row)) {
    const buttons = row.slice(0, L.BUTTONS_PER_ROW).map(renderButton);
    return buttons.length ? { type: ComponentType.ActionRow, components: buttons } : undefined;
  }
  const options = row.options.slice(0, L.SELECT_OPTIONS).map((option) => ({
    label: truncate(option.label, L.SELECT_OPTION_LABEL),
    value: option.value.slice(0, L.SELECT_OPTION_VALUE),
    ...(option.description ? { description: truncate(option.description, L.SELECT_OPTION_DESCRIPTION) } : {}),
  }));
  if (!options.length) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: row.customId.slice(0, L.CUSTOM_ID),
        options,
        ...(row.placeholder ? { placeholder: truncate(row.placeholder, L.SELECT_PLACEHOLDER) } : {}),
        ...(row.disabled ? { disabled: true } : {}),
      },
    ],
  };
}

/** The message body for an interaction response (type 4/7 `data`), a follow-up, or a DM message. */
export function renderMessage(reply: Reply, options: { allowEphemeral?: boolean } = {}): MessageBody {
  const body: MessageBody = { allowed_mentions: { parse: [] } };
  if (reply.content) body.content = truncate(reply.content, L.CONTENT);
  const files = renderFiles(reply.files);
  const embeds = fitTotal((reply.embeds ?? []).slice(0, L.EMBEDS_PER_MESSAGE).map((view) => renderEmbed(view, files)));
  body.embeds = embeds;
  const rows = (reply.components ?? []).slice(0, L.ACTION_ROWS).map(renderRow).filter((row) => row !== undefined);
  body.components = rows;
  if (files.length) {
    body.attachments = files.map((file, id) => ({ id, filename: file.name, ...(file.description ? { description: file.description } : {}) }));
  }
  if (reply.ephemeral && options.allowEphemeral !== false) body.flags = MessageFlags.Ephemeral;
  if (!body.content && embeds.length === 0 && !files.length) body.content = '\u200b';
  return body;
}

/** Autocomplete choices within Discord's limits: ≤ 25, names and string values ≤ 100 characters. */
export function renderChoices(choices: readonly Choice[]): Choice[] {
  return choices.slice(0, L.AUTOCOMPLETE_CHOICES).map((choice) => ({
    name: truncate(choice.name || String(choice.value), L.CHOICE_NAME),
    value: typeof choice.value === 'string' ? choice.value.slice(0, L.CHOICE_VALUE) : choice.value,
  }));
}
