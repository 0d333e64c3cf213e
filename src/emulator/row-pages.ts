import type { Row } from '../genesys/types.js';
import { compareKeys, lowerBound, type RowMap } from './row-map.js';

/** One page of the rows a read sees, and how many it sees in all. */
export interface RowPage {
  rows: Row[];
  total: number;
}

/**
 * The rows at positions [start, start + count) of what a read sees, in key order (or reversed).
 * A read sees the true rows, except the keys with pending versions (`overrides`, from the
 * consistency window), which read as given there: a recent create may still be absent, a recent
 * delete still present. The cost is the page plus the pending keys, never the whole table.
 */
export function pageOfRows(
  truth: RowMap,
  overrides: ReadonlyMap<string, Row | undefined>,
  start: number,
  count: number,
  descending: boolean,
): RowPage {
  const keys = truth.sortedKeys;
  const hidden: string[] = [];
  const extras: string[] = [];
  for (const [key, row] of overrides) {
    if (truth.has(key)) {
      if (row === undefined) hidden.push(key);
    } else if (row !== undefined) extras.push(key);
  }
  hidden.sort(compareKeys);
  extras.sort(compareKeys);
  const total = keys.length - hidden.length + extras.length;
  // A descending page is an ascending range read backwards.
  const from = descending ? Math.max(0, total - start - count) : start;
  const to = descending ? total - start : Math.min(total, start + count);
  if (from >= to) return { rows: [], total };
  let { index, extra, position } = seek(keys, hidden, extras, from);
  const rows: Row[] = [];
  while (position < to && (index < keys.length || extra < extras.length)) {
    const fromExtras = extra < extras.length && (index >= keys.length || extras[extra]! < keys[index]!);
    const key = fromExtras ? extras[extra++]! : keys[index++]!;
    const row = overrides.has(key) ? overrides.get(key) : truth.get(key);
    if (row === undefined) continue;
    if (position >= from) rows.push(row);
    position += 1;
  }
  return { rows: descending ? rows.reverse() : rows, total };
}

/**
 * Where a walk in key order reaches the visible position `from`: the last true key with at
 * most `from` visible rows before it (binary search), the next extra key, and the position.
 * What is left to skip from there is at most the pending keys between two true keys.
 */
function seek(
  keys: readonly string[],
  hidden: readonly string[],
  extras: readonly string[],
  from: number,
): { index: number; extra: number; position: number } {
  const visibleBefore = (index: number): number =>
    index - lowerBound(hidden, keys[index]!) + lowerBound(extras, keys[index]!);
  if (keys.length === 0 || visibleBefore(0) > from) return { index: 0, extra: 0, position: 0 };
  let low = 0;
  let high = keys.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (visibleBefore(middle) <= from) low = middle;
    else high = middle - 1;
  }
  return { index: low, extra: lowerBound(extras, keys[low]!), position: visibleBefore(low) };
}
