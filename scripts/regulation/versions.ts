// Regulation versions the bundled paramdefs (Smithbox, see ../shared/data-sources/regulation/README.txt)
// are known to describe: every param of these files was read with row sizes matching the paramdef layout.
// A newer game patch needs newer paramdefs: the build refuses any other version unless told which
// paramdefs to use and to accept it (--defs <dir> --accept-version <n>; README "Rebuilding the game data").

export const VERIFIED_VERSIONS: ReadonlyMap<number, string> = new Map([
  [11001000, '1.10'],
  [11611000, '1.16.1'],
]);

/**
 * The game patch a regulation version stands for: major, two-digit minor, patch digit, then a build number
 * (11001000 -> "1.10", 11611000 -> "1.16.1", 11210015 -> "1.12.1").
 */
export function patchOfVersion(version: number): string {
  const s = String(version);
  if (!/^\d{8}$/.test(s)) return String(version);
  const major = Number(s[0]);
  const minor = s.slice(1, 3);
  const fix = Number(s[3]);
  return `${major}.${minor}${fix ? `.${fix}` : ''}`;
}
