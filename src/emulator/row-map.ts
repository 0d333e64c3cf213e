import type { Row } from '../genesys/types.js';

/** Genesys orders rows by key as plain strings (code unit order). */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The index of the first entry of `sorted` that is not below `key`. */
export function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A table's rows by key, in insertion order like any Map, that also keeps its keys sorted: a
 * page read finds its rows by position instead of sorting the whole table per request. A new
 * key costs a binary search and an array insert; a page costs its own length.
 */
export class RowMap extends Map<string, Row> {
  private sorted: string[] = [];

  constructor(entries: Iterable<readonly [string, Row]> = []) {
    super();
    for (const [key, row] of entries) super.set(key, row);
    this.sorted = [...super.keys()].sort(compareKeys);
  }

  /** The keys in order. Read-only: changes go through set/delete. */
  get sortedKeys(): readonly string[] {
    return this.sorted;
  }

  override set(key: string, row: Row): this {
    if (!super.has(key)) this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    return super.set(key, row);
  }

  override delete(key: string): boolean {
    if (!super.delete(key)) return false;
    this.sorted.splice(lowerBound(this.sorted, key), 1);
    return true;
  }

  override clear(): void {
    super.clear();
    this.sorted = [];
  }
}
