import type { TableState } from './table-state.js';
export interface MemoryLimits {
    readonly maxTables: number;
    readonly maxBytes: number;
}
/**
 * The loaded tables to evict so that the others fit the limits, least recently used first.
 * `keep` (the table just installed) is never chosen: evicting what was just read would only
 * make the next `get` read it again.
 */
export declare function tablesToEvict(states: Iterable<TableState>, limits: MemoryLimits, keep: TableState): TableState[];
