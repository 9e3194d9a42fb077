import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { StoreError, type StoreErrorCode } from '../../src/characters/errors.ts';

/** A fresh temporary folder; `cleanup()` removes it. */
export function tempDir(prefix = 'characters-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `fn`, expecting a StoreError with `code`; returns it for further checks. */
export function expectStoreError(fn: () => unknown, code: StoreErrorCode): StoreError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, `expected a StoreError ${code}`).toBeInstanceOf(StoreError);
  const err = caught as StoreError;
  expect(err.code, err.message).toBe(code);
  expect(err.message).not.toMatch(/SQLITE|constraint/i);
  return err;
}

/** A controllable clock: starts at 2024-03-01T12:00:00Z and moves one second per call. */
export function steppingClock(start = Date.UTC(2024, 2, 1, 12)): () => number {
  let t = start;
  return () => (t += 1000);
}
