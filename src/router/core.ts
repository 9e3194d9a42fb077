// Handlers call the pure core through `core()`: a RangeError or TypeError the core throws for a value the
// command did not check first becomes a UserError with the core's message (which states the valid range).

import { UserError } from '../errors.ts';
import { escapeUserText } from '../text/escape.ts';

/**
 * Runs a core calculation; its RangeError/TypeError (a value the command did not catch first) becomes a
 * UserError with the core's message, which always states the valid range.
 */
export function core<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) {
      const message = error.message.replace(/^./, (c) => c.toUpperCase());
      throw new UserError(`${escapeUserText(message)}.`);
    }
    throw error;
  }
}
