/**
 * Splits a list into numbered pages with previous/next links. A list with no items still has one
 * page, so an empty section gets a real page that says so.
 */
export interface Paged<T> {
  readonly items: readonly T[];
  /** 1-based page number. */
  readonly number: number;
  /** Number of the last page. */
  readonly last: number;
  readonly url: string;
  readonly previous: string | undefined;
  readonly next: string | undefined;
}

/**
 * @param urlOf the URL of page `n` (1-based, counting from `firstNumber`).
 */
export function paginate<T>(items: readonly T[], perPage: number, urlOf: (n: number) => string, firstNumber = 1, previousOfFirst?: string): Paged<T>[] {
  const count = Math.max(1, Math.ceil(items.length / perPage));
  const last = firstNumber + count - 1;
  return Array.from({ length: count }, (_, i) => {
    const number = firstNumber + i;
    return {
      items: items.slice(i * perPage, (i + 1) * perPage),
      number,
      last,
      url: urlOf(number),
      previous: i === 0 ? previousOfFirst : urlOf(number - 1),
      next: number < last ? urlOf(number + 1) : undefined,
    };
  });
}
