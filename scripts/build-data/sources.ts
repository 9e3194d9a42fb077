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
  tjc1161: string;
  kaggle: string; // data folder
}

export function sourcePaths(root: string): SourcePaths {
  return {
    root,
    erdb: path.join(root, 'erdb/src/erdb/data/gamedata/1.10.0'),
    impalers: path.join(root, 'Impalers-Archive/GameText/GR/data/INTERROOT_win64/msg/engUS'),
    tjc114: path.join(root, 'elden-ring-weapon-calculator/public/regulation-vanilla-v1.14.js'),
    tjc1161: path.join(root, 'elden-ring-weapon-calculator/public/regulation-vanilla-v1.16.1.js'),
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
  // the licence line may continue on indented lines
  const lic = /Licen[cs]e:[ \t]*([^\n]*(?:\n[ \t]+[^\n]*)*)/i.exec(text)?.[1]?.trim() ?? 'unknown';
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
  const out: ItemData['sources'] = entries.map(([id, dir]) => {
    const readme = fs.readFileSync(path.join(p.root, dir, 'README.txt'), 'utf8');
    const info = parseReadme(readme);
    // the calculator folder holds two files from two commits: 1.14 from master, 1.16.1 from PR #66
    if (id === SRC.tjc) info.commit = info.commit.split(' / ')[0] ?? info.commit;
    return { id, ...info };
  });
  const tjcReadme = fs.readFileSync(path.join(p.root, 'elden-ring-weapon-calculator', 'README.txt'), 'utf8');
  const tjcInfo = parseReadme(tjcReadme);
  out.push({
    id: SRC.tjcPr,
    repository: `${tjcInfo.repository} (pull request #66, unmerged)`,
    commit: tjcInfo.commit.split(' / ')[1] ?? '',
    licence: tjcInfo.licence,
  });
  return out;
}
