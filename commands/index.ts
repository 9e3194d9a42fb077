// The registry: every command the bot has, listed explicitly. The router, the console, /help and the
// deploy script all read this one list.

import type { CommandModule } from '../src/router/types.ts';
import { about } from './about.ts';
import { character } from './character/index.ts';
import { enemy } from './enemy.ts';
import { classCommand } from './class.ts';
import { farm } from './farm.ts';
import { help } from './help.ts';
import { item } from './item.ts';
import { matchmaking } from './matchmaking.ts';
import { runes } from './runes.ts';
import { search } from './search.ts';
import { stats } from './stats.ts';
import { upgrade } from './upgrade.ts';
import { weapon } from './weapon.ts';

export const COMMANDS: readonly CommandModule[] = [help, about, item, search, runes, farm, enemy, upgrade, weapon, classCommand, stats, matchmaking, character];
