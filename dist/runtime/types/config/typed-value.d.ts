import type { CellValue } from '../genesys/types.js';
/**
 * A value as a plugin receives it: a cell's text read as its kind (json parsed). The runtime
 * reader serves these; validate checks consumer contracts against the same values, so both
 * sides share this code (src/runtime re-exports it).
 */
export type TypedValue = CellValue | null | readonly unknown[] | {
    readonly [key: string]: unknown;
};
/** Where a table keeps each row's value and the kind its text holds (examples/config/*.yaml). */
export interface ValueColumns {
    readonly valueColumn: string;
    readonly typeColumn: string;
}
export declare const DEFAULT_VALUE_COLUMNS: ValueColumns;
export type ParsedValue = {
    ok: true;
    value: TypedValue;
} | {
    ok: false;
    problem: string;
};
/** Reads a cell's text as the kind its typing column names (a missing kind is a string). */
export declare function parseTypedValue(cell: CellValue | undefined, kind: string | undefined): ParsedValue;
/** Freezes a value and everything it holds. */
export declare function deepFreeze<T>(value: T): T;
