/**
 * The empty list, one for all: most stories have no corrections and no links to the site, and each
 * `[]` a story keeps costs 32 bytes (3 MB of a 50,000-story model).
 */
export const NONE: readonly never[] = Object.freeze([]);

/** The list, or the shared empty one. */
export function orNone<T>(list: readonly T[]): readonly T[] {
  return list.length ? list : NONE;
}
