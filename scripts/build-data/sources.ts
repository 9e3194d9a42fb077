// Locate the source files and read each source folder's README.txt (repository, commit, licence).
import fs from 'node:fs';
import path from 'node:path';
import type { ItemData } from '../../src/items/types.ts';
import { SRC } from './model.ts';

export interface SourcePaths {
  root: string;
  erdb: string; // folder with the 1.10.0 param CSVs and FMGs
  impalers: string; // engUS msg folder
  tjc114: string;
  kaggle: string; // data folder
}

export function sourcePaths(root: string): SourcePaths {
  return {
    root,
    erdb: path.join(root, 'erdb/src/erdb/data/gamedata/1.10.0'),
    impalers: path.join(root, 'Impalers-Archive/GameText/GR/data/INTERROOT_win64/msg/engUS'),
    tjc114: path.join(root, 'elden-ring-weapon-calculator/public/regulation-vanilla-v1.14.js'),
    kaggle: path.join(root, 'Elden-Ring-Dataset-API/data'),
  };
}

export function checkSources(p: SourcePaths): void {
  for (const f of [p.erdb, p.impalers, p.tjc114, p.kaggle]) {
    if (!fs.existsSync(f)) throw new Error(`source not found: ${f}`);
  }
}

/** Parse the facts we need out of a README.txt written by whoever fetched the source. */
export function parseReadme(text: string): { repository: string; commit: string; licence: string } {
  const repo = /Source repository:\s*(\S+)/i.exec(text)?.[1] ?? '';
  const commits = [...text.matchAll(/\b([0-9a-f]{40})\b/g)].map((m) => m[1]);
  const lic = /Licen[cs]e:\s*([^\n]+)/i.exec(text)?.[1]?.trim() ?? 'unknown';
  return {
    repository: repo.replace(/^https?:\/\//, ''),
    commit: commits.join(' / '),
    licence: lic.replace(/\s+/g, ' ').replace(/\.$/, ''),
  };
}

export function readSourceInfo(p: SourcePaths): ItemData['sources'] {
  const entries: [string, string][] = [
    [SRC.erdb, 'erdb'],
    [SRC.impalers, 'Impalers-Archive'],
    [SRC.tjc, 'elden-ring-weapon-calculator'],
    [SRC.kaggle, 'Elden-Ring-Dataset-API'],
  ];
  return entries.map(([id, dir]) => {
    const readme = fs.readFileSync(path.join(p.root, dir, 'README.txt'), 'utf8');
    return { id, ...parseReadme(readme) };
  });
}
