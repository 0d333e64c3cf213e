/**
 * Canonical JSON: object keys sorted at every level, no whitespace, `undefined` members left
 * out as JSON.stringify does. The same value always gives the same text, whatever order its
 * keys were built in, so hashes of it are stable.
 */
export declare function canonicalJson(value: unknown): string;
/** `sha256:<hex>` of the canonical JSON of a value, hashed as it is produced (no big string). */
export declare function sha256Of(value: unknown): string;
