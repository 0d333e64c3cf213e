import type { Row } from '../genesys/types.js';
/**
 * The content hash of a table: `sha256:<hex>` of the canonical JSON of its rows sorted by key.
 * The deploy writes it into the versions table after verifying what it wrote, and the reader
 * computes it over the rows it read: equal hashes mean the read saw exactly the deployed rows,
 * so a read torn across a deploy (some rows old, some new) is caught. Rows must be full, as the
 * service stores them (defaults filled in), on both sides.
 */
export declare function snapshotHash(rows: readonly Row[]): string;
