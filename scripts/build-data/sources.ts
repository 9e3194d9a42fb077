// Where the inputs of the data compiler are, and the facts about each source (repository, commit,
// licence) that data/items.json lists and /about shows. Numbers come only from the regulation file; the
// text sources give names; the enemy table gives places.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ItemData } from '../../src/items/types.ts';
import { SRC } from './model.ts';

export interface SourcePaths {
  root: string; // ../shared/data-sources (or --sources)
  regulation: string; // regulation.bin
  defs: string; // paramdef XMLs
  rowNames: string; // community row names (*.json)
  erdb: string; // folder with the 1.10.0 English FMGs (base-game names) and SwordArtsParam.csv (skill names)
  impalers: string; // engUS msg folder (DLC names)
  enemies: string; // enemy-data.tsv
}

export interface PathOptions {
  sourcesDir: string;
  regulation?: string;
  defs?: string;
}

export function sourcePaths(opts: PathOptions): SourcePaths {
  const root = opts.sourcesDir;
  const reg = path.join(root, 'regulation');
  return {
    root,
    regulation: opts.regulation ?? path.join(reg, '1.16.1/regulation.bin'),
    defs: opts.defs ?? path.join(reg, 'defs'),
    rowNames: path.join(reg, 'names'),
    erdb: path.join(root, 'erdb/src/erdb/data/gamedata/1.10.0'),
    impalers: path.join(root, 'Impalers-Archive/GameText/GR/data/INTERROOT_win64/msg/engUS'),
    enemies: path.join(root, 'enemy-locations/enemy-data.tsv'),
  };
}

/** Stops with one line naming the first input that is missing. */
export function checkSources(p: SourcePaths): void {
  const need: [string, string][] = [
    [p.regulation, 'regulation file'],
    [p.defs, 'paramdef folder'],
    [p.rowNames, 'row-name folder'],
    [p.erdb, 'base-game text (erdb)'],
    [p.impalers, "DLC text (Impaler's Archive)"],
    [p.enemies, 'enemy locations table'],
  ];
  for (const [f, what] of need) if (!fs.existsSync(f)) throw new Error(`${what} not found: ${f}`);
}

/** Parse the facts we need out of a README.txt written by whoever fetched the source. */
export function parseReadme(text: string): { repository: string; commit: string; licence: string } {
  const repo = /Source repository:\s*(\S+)/i.exec(text)?.[1] ?? /From:\s*(github\.com\/\S+?)(?: at|,|\s)/i.exec(text)?.[1] ?? '';
  const commits = [...text.matchAll(/\b([0-9a-f]{40})\b/g)].map((m) => m[1]);
  // the licence line may continue on indented lines
  const lic = /Licen[cs]e:[ \t]*([^\n]*(?:\n[ \t]+[^\n]*)*)/i.exec(text)?.[1]?.trim() ?? 'unknown';
  return {
    repository: repo.replace(/^https?:\/\//, ''),
    commit: [...new Set(commits)].join(' / '),
    licence: lic.replace(/\s+/g, ' ').replace(/\.$/, ''),
  };
}

function readme(dir: string): string {
  const f = path.join(dir, 'README.txt');
  return fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '';
}

/** The sources listed in data/items.json, in a fixed order. */
export function readSourceInfo(p: SourcePaths, patch: string): ItemData['sources'] {
  const regDir = path.join(p.root, 'regulation');
  const shared = path.resolve(p.regulation).startsWith(path.resolve(regDir) + path.sep);
  const regInfo = parseReadme(readme(regDir));
  const regulation = shared
    ? {
        repository: regInfo.repository || 'github.com/vawser/Smithbox',
        commit: regInfo.commit.split(' / ')[0] ?? '',
        licence: "MIT (Smithbox's paramdefs and row names); regulation.bin is FromSoftware's game data, used for facts only",
      }
    : {
        repository: `a player's own regulation.bin (${path.basename(p.regulation)})`,
        commit: crypto.createHash('sha256').update(fs.readFileSync(p.regulation)).digest('hex'),
        licence: "FromSoftware's game data, used for facts only; paramdefs from Smithbox (MIT)",
      };
  const erdb = parseReadme(readme(path.join(p.root, 'erdb')));
  const impalers = parseReadme(readme(path.join(p.root, 'Impalers-Archive')));
  const enemies = parseReadme(readme(path.join(p.root, 'enemy-locations')));
  return [
    { id: SRC.regulation(patch), ...regulation },
    { id: SRC.erdb, ...erdb },
    { id: SRC.impalers, ...impalers },
    { id: SRC.enemies, ...enemies, repository: enemies.repository || 'github.com/guyathomas/elden-ring-calculator' },
  ];
}
