// Reply → readable plain text for the offline console: title, description, fields as `name: value`,
// the embed's image (which attached file it is), footer, the buttons and the attached files listed.
// The console itself saves the files and says where (src/cli/run.ts).

import type { Choice, Reply } from './types.ts';

function stripMarkdown(text: string): string {
  return text
    .replace(/\\([\\*_~`|>#\-.[\]()])/g, '$1')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/\u200b/g, '');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

export function renderText(reply: Reply): string {
  const lines: string[] = [];
  if (reply.content) lines.push(stripMarkdown(reply.content));
  for (const embed of reply.embeds ?? []) {
    if (lines.length) lines.push('');
    if (embed.title) lines.push(`== ${stripMarkdown(embed.title)} ==`);
    if (embed.url) lines.push(`(${embed.url})`);
    if (embed.description) lines.push(stripMarkdown(embed.description));
    for (const field of embed.fields ?? []) {
      const value = stripMarkdown(field.value);
      lines.push(value.includes('\n') ? `${stripMarkdown(field.name)}:\n  ${value.replace(/\n/g, '\n  ')}` : `${stripMarkdown(field.name)}: ${value}`);
    }
    if (embed.imageFile !== undefined) {
      lines.push(reply.files?.some((file) => file.name === embed.imageFile) ? `[image: ${embed.imageFile}, attached below]` : `[image ${embed.imageFile} is missing]`);
    }
    if (embed.footer) lines.push(`-- ${stripMarkdown(embed.footer)}`);
  }
  const buttons: string[] = [];
  for (const row of reply.components ?? []) {
    if (Array.isArray(row)) {
      for (const button of row) {
        if (button.kind === 'link') buttons.push(`[${button.label}](${button.url})`);
        else buttons.push(`[${button.label}]${button.disabled ? ' (disabled)' : ''} <${button.customId}>`);
      }
    } else {
      // The console picks an option with `press <custom_id> <value>`, so values are shown too.
      buttons.push(`{${row.placeholder ?? 'choose'}: ${row.options.map((o) => `${o.label} = ${o.value}`).join(' | ')}} <${row.customId}>`);
    }
  }
  if (buttons.length) lines.push('', `Buttons: ${buttons.join('  ')}`);
  for (const file of reply.files ?? []) lines.push(`Attachment: ${file.name} (${formatBytes(file.data.length)})`);
  if (reply.ephemeral) lines.push('(only you can see this)');
  return lines.join('\n');
}

export function renderChoicesText(choices: readonly Choice[]): string {
  if (!choices.length) return '(no options match)';
  return choices.map((choice) => (String(choice.value) === choice.name ? choice.name : `${choice.name}  →  ${choice.value}`)).join('\n');
}
