/** Key order everywhere (config rows, plans, backups): by UTF-16 code units, independent of locale. */
export declare function compareKeys(a: string, b: string): number;
/** The items in key order: as they are when already sorted (they usually are), else a sorted copy. */
export declare function sortedByKey<T>(items: readonly T[], keyOf: (item: T) => string): readonly T[];
