import { ContractChecker, type KeyContract } from './contract-checker.js';
import { type Finding } from './findings.js';
import { type ValueColumns } from './typed-value.js';
import type { SourcePosition } from './types.js';
import { type LoadOptions } from './yaml-source.js';
/** One key a consumer reads: what its value must be (none: any), and whether it must exist. */
export interface ContractKey {
    readonly name: string;
    readonly expected?: KeyContract | undefined;
    readonly required: boolean;
    /** Where the contract names the key (under `keys`, else in `required`). */
    readonly position: SourcePosition;
}
/** What a consumer reads from one table. */
export interface ContractTable {
    readonly name: string;
    readonly position: SourcePosition;
    /** The columns as the file gives them (the reader's defaults apply where it does not). */
    readonly columns: Partial<ValueColumns>;
    readonly keys: readonly ContractKey[];
    /** The `keys` map as the reader's `contract` option takes it. */
    readonly contract: Readonly<Record<string, KeyContract>>;
    readonly checker: ContractChecker;
}
/** A consumer contract file, read and checked. */
export interface ConsumerContract {
    readonly file: string;
    readonly consumer: string;
    readonly position: SourcePosition;
    readonly tables: readonly ContractTable[];
}
/**
 * Reads a consumer contract (`schema/datatable-contract.schema.json`): YAML 1.2 with the same
 * guards as config files, its structure, and every JSON Schema in it (a schema that cannot be
 * compiled is a finding at its place). `contract` is absent when there are errors.
 */
export declare function parseContract(file: string, bytes: Buffer, options?: LoadOptions): {
    contract?: ConsumerContract;
    findings: Finding[];
};
/** The columns a table's values are read from: the file's, else the reader's defaults. */
export declare function contractColumns(table: ContractTable): ValueColumns;
