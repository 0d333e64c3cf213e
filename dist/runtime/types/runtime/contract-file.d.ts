import type { KeyContract } from '../config/contract-checker.js';
/** One table's part of a contract file, in the shape of the reader's table options. */
export interface ContractTableOptions {
    readonly contract: Readonly<Record<string, KeyContract>>;
    readonly valueColumn?: string;
    readonly typeColumn?: string;
}
/**
 * Reads a consumer contract file (docs/contracts.md) with the parser validate uses, so that one
 * file serves both: per table, the reader's `contract` option (with the file's value and type
 * columns, when it names them). Spread it into the table's options:
 * `tables: { t: { ...contracts.t, ttlSeconds: 60 } }`.
 *
 * `source` is a path or file URL, or the file's content (bytes, or text with a line break).
 * Throws a ConfigurationError, with every finding's line and column, for a broken file or a
 * file of another consumer.
 */
export declare function contractFromFile(source: string | URL | Uint8Array, consumer: string): Readonly<Record<string, ContractTableOptions>>;
