// User text is never echoed raw: whatever a string option holds (bidi controls, Discord's <…> tokens,
// bare links, mentions), no reply of any command carries it in a form Discord would render.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ApplicationCommandOptionType as T, type APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import { COMMANDS } from '../../commands/index.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { definitionOf } from '../../src/router/parse.ts';
import { renderMessage } from '../../src/render/discord.ts';
import type { Reply } from '../../src/render/types.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-echo-'));
const app = createApp({ config: loadConfig({ DATABASE_PATH: path.join(dir, 'db.sqlite') }), logger: createLogger('silent'), deferAfterMs: 60_000 });
afterAll(async () => {
  await app.shutdown(1000);
  rmSync(dir, { recursive: true, force: true });
});

const TOKENS = ['<t:1:R>', '</item:1>', '<:pog:1>', '<a:pog:1>', '<#1>', '<@&1>', '<id:home>', 'https://evil.example/x', 'steam://run/1', '\u202e', '\u2066', '@everyone'];
const hostile = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.stringMatching(/^[a-z ]{0,6}$/)), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));

/** The text Discord renders: content, embed titles, descriptions, fields and footers (not button URLs). */
function renderedText(reply: Reply): string {
  const body = renderMessage(reply);
  const embeds = (body.embeds ?? []).map((e) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n'));
  return [body.content ?? '', ...embeds].join('\n');
}

function stringLeaves() {
  const out: { commandName: string; group: string | null; subcommand: string | null; strings: string[] }[] = [];
  for (const module of COMMANDS) {
    const def = definitionOf(module);
    const visit = (group: string | null, subcommand: string | null, options: APIApplicationCommandBasicOption[]) => {
      const strings = options.filter((o) => o.type === T.String && !('choices' in o && o.choices?.length)).map((o) => o.name);
      if (strings.length) out.push({ commandName: def.name, group, subcommand, strings });
    };
    const top = def.options ?? [];
    if (top.every((o) => o.type !== T.Subcommand && o.type !== T.SubcommandGroup)) visit(null, null, top as APIApplicationCommandBasicOption[]);
    for (const o of top) {
      if (o.type === T.Subcommand) visit(null, o.name, (o.options ?? []) as APIApplicationCommandBasicOption[]);
      if (o.type === T.SubcommandGroup) for (const s of o.options ?? []) visit(o.name, s.name, (s.options ?? []) as APIApplicationCommandBasicOption[]);
    }
  }
  return out;
}

describe.each(stringLeaves())('/$commandName $group $subcommand', (leaf) => {
  it('never echoes a string option in a form Discord would render', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...leaf.strings), hostile, async (option, text) => {
        let reply: Reply | undefined;
        await app.router.runCommand(
          { user: { id: '200000000000000009', username: 'echo' }, guildId: '300000000000000001', channelId: null, locale: 'en-US', surface: 'gateway', commandName: leaf.commandName, group: leaf.group, subcommand: leaf.subcommand, options: { [option]: text } },
          { defer: async () => undefined, send: async (r) => void (reply = r) },
        );
        const out = renderedText(reply!);
        expect(out, text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
        // Inside inline code Discord shows text as typed (no tokens, no links): check the rest.
        const rendered = out.replace(/`[^`\n]*`/g, '');
        expect(rendered, text).not.toMatch(/<(t:1:R|\/item:1|:pog:1|a:pog:1|#1|@&1|id:home)>/);
        expect(rendered, text).not.toMatch(/(https:\/\/evil|steam:\/\/run)/);
        expect(rendered, text).not.toMatch(/@everyone/);
      }),
      { numRuns: 25 },
    );
  });
});
