// The console's three modes: one command from the command line, a script on standard input (one
// reply per line), or an interactive prompt with tab completion.

import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { App } from '../app.ts';
import { renderChoicesText, renderText } from '../render/text.ts';
import type { Choice } from '../render/types.ts';
import { completeLine } from './complete.ts';
import { ConsoleSession, type ConsoleIdentity, type LineResult } from './session.ts';

export interface ConsoleOptions {
  app: App;
  identity: ConsoleIdentity;
  json: boolean;
  autocomplete: boolean;
  /** A single command to run; otherwise commands come from `input`. */
  line: string | undefined;
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
  /** Printed before the interactive prompt. */
  banner?: string;
  /** Where text mode saves files attached to replies (e.g. /character export). */
  filesDir?: string;
}

const CONSOLE_FILES_DIR = path.join('var', 'console-files');

async function formatResult(result: LineResult, options: ConsoleOptions): Promise<string | undefined> {
  if (result.kind === 'empty') return undefined;
  if (result.kind === 'choices') return formatChoices(result.choices, options.json);
  if (options.json) return JSON.stringify(result.body);
  let text = renderText(result.reply);
  for (const file of result.reply.files ?? []) {
    const dir = options.filesDir ?? CONSOLE_FILES_DIR;
    await mkdir(dir, { recursive: true });
    const target = await freshPath(dir, path.basename(file.name));
    await writeFile(target, file.data, { flag: 'wx' });
    text += `\nSaved ${file.name} to ${target}`;
  }
  return text;
}

/** `dir/name`, or `dir/name-2.ext`, `-3`… so an earlier file (a backup, say) is never overwritten. */
async function freshPath(dir: string, name: string): Promise<string> {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, n === 1 ? name : `${stem}-${n}${ext}`);
    try {
      await access(candidate);
    } catch {
      return candidate;
    }
  }
}

function formatChoices(choices: Choice[], json: boolean): string {
  return json ? JSON.stringify({ choices }) : renderChoicesText(choices);
}

async function runOne(session: ConsoleSession, line: string, options: ConsoleOptions): Promise<{ text: string | undefined; invalid: boolean }> {
  if (options.autocomplete) return { text: formatChoices(await session.autocomplete(line), options.json), invalid: false };
  const result = await session.run(line);
  return { text: await formatResult(result, options), invalid: result.kind === 'reply' && result.invalid === true };
}

export async function runConsole(options: ConsoleOptions): Promise<number> {
  const { app, output } = options;
  const session = new ConsoleSession(app.router, options.identity);
  const print = (text: string) => output.write(text.endsWith('\n') ? text : `${text}\n`);
  try {
    if (options.line !== undefined) {
      const { text, invalid } = await runOne(session, options.line, options);
      if (text !== undefined) print(text);
      return invalid ? 2 : 0;
    }
    if (!options.input.isTTY) {
      // Script mode: one command per line, one reply per line (JSON), or one block per reply (text).
      const lines = createInterface({ input: options.input, crlfDelay: Infinity, terminal: false });
      let first = true;
      for await (const line of lines) {
        const { text } = await runOne(session, line, options);
        if (text === undefined) continue;
        if (!options.json && !first) output.write('\n');
        print(text);
        first = false;
      }
      return 0;
    }
    return await interactive(session, options);
  } finally {
    await app.shutdown(5_000);
  }
}

async function interactive(session: ConsoleSession, options: ConsoleOptions): Promise<number> {
  const { app, output } = options;
  const completer = (line: string, callback: (error: null, result: [string[], string]) => void): void => {
    completeLine(line, app.router.modules, session).then(
      (result) => callback(null, result),
      () => callback(null, [[], line]),
    );
  };
  const rl = createInterface({ input: options.input, output, completer, terminal: true, historySize: 200 });
  if (options.banner) output.write(`${options.banner}\n`);
  output.write('Type a command such as /help or /runes level from:1 to:150 (Tab completes; Ctrl+D quits).\n');
  rl.setPrompt('tarnished> ');
  rl.prompt();
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'exit' || trimmed === 'quit') break;
    try {
      const { text } = await runOne(session, line, options);
      if (text !== undefined) output.write(`${text}\n`);
    } catch (error) {
      output.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    rl.prompt();
  }
  rl.close();
  return 0;
}
