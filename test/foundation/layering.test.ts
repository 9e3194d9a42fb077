// The layering rule (scripts/layering.ts) holds for the project, and it does catch a forbidden import.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLayering, describeViolation } from '../../scripts/layering.ts';
import { PROJECT_ROOT } from '../helpers/cli.ts';

describe('layering', () => {
  it('the project: no import cycle (type imports included), every layer imports only what it may', async () => {
    const report = await checkLayering(PROJECT_ROOT);
    expect(report.modules).toBeGreaterThan(80);
    expect(report.violations.map(describeViolation)).toEqual([]);
  }, 120_000);

  describe('the rule itself, on a small made-up project', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tl-layers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = (relative: string, text: string) => {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), text);
    };
    file('src/render/card.ts', "import type { Item } from '../items/types.ts';\nexport const card = (item: Item) => item.name;\n");
    file('src/items/types.ts', 'export interface Item { name: string }\n');
    file('src/game/bad.ts', "import { card } from '../render/card.ts';\nexport const x = card;\n");
    file('src/runes/a.ts', "import type { B } from './b.ts';\nexport type A = { b?: B };\n");
    file('src/runes/b.ts', "import type { A } from './a.ts';\nexport type B = { a?: A };\n");
    file('src/characters/store.ts', "import { card } from '../render/card.ts';\nexport const y = card;\n");
    file('commands/one.ts', "import { two } from './two.ts';\nexport const one = two;\n");
    file('commands/two.ts', 'export const two = 2;\n');
    file('commands/index.ts', "import { one } from './one.ts';\nimport { two } from './two.ts';\nexport const ALL = [one, two];\n");

    it('reports a core module importing the renderer, a cycle of type imports, the store importing the renderer, and a command importing another', async () => {
      const report = await checkLayering(dir);
      const found = report.violations.map(describeViolation);
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^core-imports-only-core: src\/game\/bad\.ts → src\/render\/card\.ts/),
          expect.stringMatching(/^no-cycles: src\/runes\/(a|b)\.ts → src\/runes\/(a|b)\.ts/),
          expect.stringMatching(/^store-below-render-and-router: src\/characters\/store\.ts → src\/render\/card\.ts/),
          expect.stringMatching(/^only-the-registry-imports-commands: commands\/one\.ts → commands\/two\.ts/),
        ]),
      );
      // The allowed arrows are not reported: the renderer naming a core type, the registry importing commands.
      expect(found.filter((v) => v.includes('src/render/card.ts → src/items/types.ts') || v.startsWith('only-the-registry-imports-commands: commands/index.ts'))).toEqual([]);
    }, 120_000);
  });
});
