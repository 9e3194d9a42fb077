// The registry: every command the bot has, listed explicitly. The router, the console, /help and the
// deploy script all read this one list.

import type { CommandModule } from '../src/router/types.ts';
import { about } from './about.ts';
import { help } from './help.ts';

export const COMMANDS: readonly CommandModule[] = [help, about];
