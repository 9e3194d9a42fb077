import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderChoices, renderMessage } from '../../src/render/discord.ts';
import { codeSpan, escapeUserText, truncate } from '../../src/text/escape.ts';
import { DiscordLimits as L } from '../../src/render/limits.ts';
import { renderText } from '../../src/render/text.ts';
import type { Reply } from '../../src/render/types.ts';

function embedTotal(body: ReturnType<typeof renderMessage>): number {
  return (body.embeds ?? []).reduce(
    (sum, e) => sum + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

describe('renderMessage', () => {
  it('never lets a message ping anyone', () => {
    expect(renderMessage({ content: '@everyone hi <@123456789012345678>' }).allowed_mentions).toEqual({ parse: [] });
  });

  it('marks ephemeral replies with flag 64 and has content or embeds', () => {
    expect(renderMessage({ ephemeral: true, content: 'x' }).flags).toBe(64);
    expect(renderMessage({ ephemeral: true, content: 'x' }, { allowEphemeral: false }).flags).toBeUndefined();
    expect(renderMessage({}).content).toBe('\u200b');
  });

  it('keeps every limit whatever the handler produced', () => {
    const huge = 'x'.repeat(10_000);
    const reply: Reply = {
      content: huge,
      embeds: Array.from({ length: 12 }, () => ({
        title: huge,
        description: huge,
        footer: huge,
        fields: Array.from({ length: 30 }, () => ({ name: huge, value: huge })),
      })),
      components: Array.from({ length: 7 }, () => Array.from({ length: 7 }, (_, i) => ({ kind: 'button' as const, label: huge, customId: `c:${i}:${huge}` }))),
    };
    const body = renderMessage(reply);
    expect(body.content!.length).toBeLessThanOrEqual(L.CONTENT);
    expect(body.embeds!.length).toBeLessThanOrEqual(L.EMBEDS_PER_MESSAGE);
    expect(embedTotal(body)).toBeLessThanOrEqual(L.EMBED_TOTAL);
    for (const embed of body.embeds!) {
      expect(embed.title!.length).toBeLessThanOrEqual(L.EMBED_TITLE);
      expect((embed.fields ?? []).length).toBeLessThanOrEqual(L.EMBED_FIELDS);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(L.EMBED_FIELD_NAME);
        expect(field.value.length).toBeLessThanOrEqual(L.EMBED_FIELD_VALUE);
      }
    }
    expect(body.components!.length).toBeLessThanOrEqual(L.ACTION_ROWS);
    for (const row of body.components as unknown as { components: unknown[] }[]) {
      expect(row.components.length).toBeLessThanOrEqual(L.BUTTONS_PER_ROW);
      for (const button of row.components as { label: string; custom_id: string }[]) {
        expect(button.label.length).toBeLessThanOrEqual(L.BUTTON_LABEL);
        expect(button.custom_id.length).toBeLessThanOrEqual(L.CUSTOM_ID);
      }
    }
  });

  it('keeps the 6000-character total for any embeds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: fc.string({ maxLength: 400 }),
            description: fc.string({ maxLength: 5000 }),
            fields: fc.array(fc.record({ name: fc.string({ maxLength: 300 }), value: fc.string({ maxLength: 1500 }) }), { maxLength: 30 }),
          }),
          { maxLength: 12 },
        ),
        (embeds) => {
          const body = renderMessage({ embeds });
          expect(embedTotal(body)).toBeLessThanOrEqual(L.EMBED_TOTAL);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('limits autocomplete choices to 25 names of at most 100 characters', () => {
    const choices = renderChoices(Array.from({ length: 40 }, (_, i) => ({ name: `${i} ${'y'.repeat(150)}`, value: 'v'.repeat(150) })));
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
  });
});

describe('escaping user text', () => {
  it('neutralises mentions and markdown', () => {
    const escaped = escapeUserText('**bold** @everyone <@123456789012345678> `code`\nnext');
    expect(escaped).not.toContain('**bold**');
    expect(escaped).not.toMatch(/@everyone/);
    expect(escaped).not.toMatch(/<@\d+>/);
    expect(escaped).not.toContain('\n');
  });

  it('neutralises bidi controls, <…> tokens (timestamps, command mentions, emoji) and bare links', () => {
    const hostile = 'Mi\u202eriel\u2066x\u2069 <t:1:R> </item:123> <:pog:123> <a:pog:123> <#123> https://evil.example/x > quote';
    const escaped = escapeUserText(hostile);
    expect(escaped).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(escaped).not.toMatch(/<[^\u200b]/);
    expect(escaped).not.toMatch(/[a-z]:\/\//i);
    expect(escaped).toContain('Miriel');
    expect(escapeUserText('> quote')).toBe('\\> quote');
    expect(escapeUserText('-# small')).toBe('\\-# small');
    const tokens = fc.constantFrom('<t:1:R>', '</item:1>', '<@&1>', '<#1>', '<:e:1>', '<a:e:1>', '<id:home>', 'https://x.y', 'HTTP://x.y', 'steam://run/1', '\u202e', '\u2067', '\u200f', '@everyone', '@here');
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 8 }), tokens), { maxLength: 12 }), (parts) => {
        const out = escapeUserText(parts.join(''));
        expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/);
        expect(out).not.toMatch(/<[^\u200b]/);
        expect(out).not.toMatch(/\b[a-z][a-z0-9+.-]*:\/\//i);
        expect(out).not.toMatch(/@(everyone|here)/i);
        expect(out).not.toMatch(/[\r\n]/);
      }),
      { numRuns: 500 },
    );
    expect(codeSpan('a\u202eb')).toBe('`ab`');
  });

  it('keeps user text inside an inline code span whatever it holds', () => {
    expect(codeSpan('/he`lp **x**\n@everyone')).toBe('`/help **x**@everyone`');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const span = codeSpan(text);
        expect(span.startsWith('`') && span.endsWith('`')).toBe(true);
        expect(span.slice(1, -1)).not.toMatch(/[`\n\r]/);
        expect(span.length).toBeLessThanOrEqual(62);
      }),
    );
  });

  it('truncates without splitting a surrogate pair', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('short', 10)).toBe('short');
  });
});

describe('renderText', () => {
  it('shows title, description, fields as name: value, footer and buttons', () => {
    const text = renderText({
      embeds: [{ title: 'Moonveil', description: 'Katana', fields: [{ name: 'Weight', value: '6.5' }], footer: 'patch 1.10' }],
      components: [[{ kind: 'button', label: 'Next', customId: 'search:p:2' }, { kind: 'link', label: 'Wiki', url: 'https://example.com' }]],
    });
    expect(text).toBe('== Moonveil ==\nKatana\nWeight: 6.5\n-- patch 1.10\n\nButtons: [Next] <search:p:2>  [Wiki](https://example.com)');
  });
});
