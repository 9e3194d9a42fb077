// One error type for everything that can be wrong with a regulation file or its paramdefs. The message is
// one line that says what is wrong (the build prints it and stops, leaving data/ as it was).

export class RegulationError extends Error {
  override name = 'RegulationError';
}

export function fail(message: string): never {
  throw new RegulationError(message);
}
