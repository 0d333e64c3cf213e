import type { Clock } from '../clock.js';
import type { Row } from '../genesys/types.js';
import type { Logger } from '../logger.js';
import type { CountedSource } from './counted-source.js';
import type { Counters } from './stats.js';
import type { TableState } from './table-state.js';
import type { TimerSet } from './timers.js';
import type { SharedTier } from './types.js';
/** Rows read consistently (or known to be drifted), ready to be built into a snapshot. */
export interface Candidate {
    readonly rows: readonly Row[];
    readonly version: number;
    readonly hash: string;
    /** When the rows were read from Genesys (by this instance or, through the tier, another). */
    readonly fetchedAt: number;
    readonly drifted: boolean;
    readonly from: 'source' | 'tier';
}
export interface FetchTuning {
    readonly maxAttempts: number;
    readonly backoffBaseMs: number;
    readonly backoffMaxMs: number;
    /** How long one mismatch must persist before it is taken for a hand edit rather than a deploy in progress. */
    readonly driftConfirmMs: number;
    readonly leaseMs: number;
    readonly leaseWaitMs: number;
    readonly leaseWaitStepMs: number;
}
export declare const DEFAULT_TUNING: FetchTuning;
export interface FetchContext {
    readonly source: CountedSource;
    readonly tier: SharedTier | undefined;
    readonly timers: TimerSet;
    readonly clock: Clock;
    readonly random: () => number;
    readonly counters: Counters;
    readonly logger: Logger;
    readonly tuning: FetchTuning;
}
/** Thrown when the bounded attempts are used up; the refresh is retried later. */
export declare class RefreshNotConsistentError extends Error {
}
/**
 * Reads one table until the read is consistent and at least `state.neededVersion` (as it was
 * when the refresh started), backing off between attempts. `isCurrent` turning false (a newer
 * version accepted, an install, close) ends it with 'superseded'.
 */
export declare function fetchTable(context: FetchContext, state: TableState, isCurrent: () => boolean, signal: AbortSignal): Promise<Candidate | 'superseded'>;
