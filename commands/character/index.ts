// /character: a player's saved characters. The definition and its dispatch table; the subcommands live
// by what they do: the sheet (sheet.ts), runes through the ledger (ledger.ts), history, export, import
// and forget-me (records.ts), and the buttons (buttons.ts, with their ids in ids.ts). Replies about one's
// own data are private and carry a Share button that posts a public copy re-read from the database.

import { defineCommand } from '../../src/router/command.ts';
import { component } from './buttons.ts';
import { buy, died, levelup, recovered, runesAdd, runesSet, upgrade } from './ledger.ts';
import { exportData, forgetMe, history, importData } from './records.ts';
import { create, list, progress, remove, rename, show, stats, switchTo, visibility } from './sheet.ts';

export { CONFIRM_SECONDS } from './common.ts';
export { IMPORT_MAX_BYTES } from './records.ts';

export const character = defineCommand({
  name: 'character',
  description: 'Your saved characters: stats, runes held, deaths and the rune ledger',
  deferEphemeral: true,
  subcommands: {
    create,
    list,
    show,
    switch: switchTo,
    rename,
    delete: remove,
    visibility,
    stats,
    progress,
    levelup,
    buy,
    upgrade,
    died,
    recovered,
    history,
    export: exportData,
    import: importData,
    'forget-me': forgetMe,
  },
  groups: {
    runes: { description: 'Runes held: set them, or add what you earned', subcommands: { set: runesSet, add: runesAdd } },
  },
  examples: [
    { usage: '/character create name:Miriel class:Vagabond', description: 'new character' },
    { usage: '/character list', description: 'your characters' },
    { usage: '/character show', description: 'card: runes worth, bloodstain' },
    { usage: '/character switch name:Miriel', description: 'active character' },
    { usage: '/character runes set amount:2500', description: 'correct runes held' },
    { usage: '/character runes add amount:100000', description: 'runes earned' },
    { usage: '/character levelup stat:vigor points:5', description: 'spend on levels' },
    { usage: '/character buy item:Arrow quantity:10', description: 'merchant purchase' },
    { usage: '/character upgrade weapon:Longsword from:0 to:3', description: 'smithing' },
    { usage: '/character stats strength:20', description: 'set stats' },
    { usage: '/character progress regular_upgrade:3', description: 'for matchmaking' },
    { usage: '/character died', description: 'runes → bloodstain' },
    { usage: '/character recovered', description: 'bloodstain → runes' },
    { usage: '/character history', description: 'rune ledger' },
    { usage: '/character history chart:true', description: 'runes held and level over time, as a picture' },
    { usage: '/character visibility name:Miriel public:true', description: 'public card' },
    { usage: '/character rename name:Miriel new_name:Mirel', description: 'rename' },
    { usage: '/character export', description: 'JSON backup' },
    { usage: '/character import file:characters.json', description: 'restore' },
    { usage: '/character delete name:Mirel', description: 'confirm button' },
    { usage: '/character forget-me', description: 'delete all your data' },
  ],
  component,
});
