/** Key order everywhere (config rows, plans, backups): by UTF-16 code units, independent of locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The items in key order: as they are when already sorted (they usually are), else a sorted copy. */
export function sortedByKey<T>(items: readonly T[], keyOf: (item: T) => string): readonly T[] {
  for (let index = 1; index < items.length; index++)
    if (compareKeys(keyOf(items[index - 1]!), keyOf(items[index]!)) > 0)
      return [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  return items;
}
