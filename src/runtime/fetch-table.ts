import type { Clock } from '../clock.js';
import type { Row } from '../genesys/types.js';
import type { Logger } from '../logger.js';
import type { CountedSource } from './counted-source.js';
import { snapshotHash } from './content-hash.js';
import type { Counters } from './stats.js';
import type { TableState } from './table-state.js';
import type { TimerSet } from './timers.js';
import type { SharedTier, StoredSnapshot } from './types.js';

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

/** Not yet: the versions table is behind what is needed, or the read was torn. Try again later. */
interface NotYet {
  readonly notYet: string;
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

export const DEFAULT_TUNING: FetchTuning = {
  maxAttempts: 6,
  backoffBaseMs: 250,
  backoffMaxMs: 4_000,
  driftConfirmMs: 5_000,
  leaseMs: 10_000,
  leaseWaitMs: 1_000,
  leaseWaitStepMs: 200,
};

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
export class RefreshNotConsistentError extends Error {}

/**
 * Reads one table until the read is consistent and at least `state.neededVersion` (as it was
 * when the refresh started), backing off between attempts. `isCurrent` turning false (a newer
 * version accepted, an install, close) ends it with 'superseded'.
 */
export async function fetchTable(
  context: FetchContext,
  state: TableState,
  isCurrent: () => boolean,
  signal: AbortSignal,
): Promise<Candidate | 'superseded'> {
  const need = state.neededVersion;
  let last = '';
  for (let attempt = 0; attempt < context.tuning.maxAttempts; attempt++) {
    if (attempt > 0) await context.timers.sleep(backoff(context, attempt));
    if (!isCurrent()) return 'superseded';
    const outcome = await readOnce(context, state, need, isCurrent, signal);
    if (!isCurrent()) return 'superseded';
    if (!('notYet' in outcome)) return outcome;
    last = outcome.notYet;
    context.logger.debug(`${state.name}: ${last}; reading again.`);
  }
  throw new RefreshNotConsistentError(`${last} after ${context.tuning.maxAttempts} reads`);
}

function backoff(context: FetchContext, attempt: number): number {
  const ceiling = Math.min(context.tuning.backoffMaxMs, context.tuning.backoffBaseMs * 2 ** (attempt - 1));
  return ceiling * (0.5 + context.random() / 2);
}

/** One attempt: the shared tier first when it is healthy, under the cluster lease; else Genesys. */
async function readOnce(
  context: FetchContext,
  state: TableState,
  need: number,
  isCurrent: () => boolean,
  signal: AbortSignal,
): Promise<Candidate | NotYet> {
  const tier = context.tier;
  const step = tier?.healthy ? await throughTier(context, tier, state, need, isCurrent) : 'direct';
  if (step !== 'lease' && step !== 'direct') return step;
  const read = await fromSource(context, state, need, signal);
  if (step === 'lease' && tier && !('notYet' in read)) await share(context, tier, state, read);
  return read;
}

/** The tier's snapshot if usable; else 'lease' (this instance reads Genesys) or 'direct'. */
async function throughTier(
  context: FetchContext,
  tier: SharedTier,
  state: TableState,
  need: number,
  isCurrent: () => boolean,
): Promise<Candidate | 'lease' | 'direct'> {
  try {
    const shared = await fromTier(context, tier, state, need);
    if (shared) return shared;
    // One lease per needed version: a lease taken for an earlier change (leases are not released,
    // they expire) must not make every instance wait out the next one.
    if (await tier.acquireLease(`${state.name}#${need}`, context.tuning.leaseMs)) return 'lease';
    return (await waitForLeaseholder(context, tier, state, need, isCurrent)) ?? 'direct';
  } catch (error) {
    // The tier is an optimisation: when it fails, Genesys is read directly.
    context.logger.debug(`${state.name}: the shared tier failed (${(error as Error).message}).`);
    return 'direct';
  }
}

/** Reads the versions row, then the rows; installs only when their hash matches it (or drift is confirmed). */
async function fromSource(
  context: FetchContext,
  state: TableState,
  need: number,
  signal: AbortSignal,
): Promise<Candidate | NotYet> {
  const versions = await context.source.readVersions();
  const record = versions.get(state.name);
  const version = record?.version ?? 0;
  if (version < need) return { notYet: `the versions table says version ${version}, ${need} is needed` };
  const rows = await context.source.readRows(state.name, signal);
  const fetchedAt = context.clock.now();
  const hash = snapshotHash(rows);
  if (record === undefined || record.hash === hash) {
    state.lastMismatch = undefined;
    return { rows, version, hash, fetchedAt, drifted: false, from: 'source' };
  }
  const seen = state.lastMismatch;
  if (seen?.version === version && seen.hash === hash) {
    if (fetchedAt - seen.firstSeenAt >= context.tuning.driftConfirmMs) {
      return { rows, version, hash, fetchedAt, drifted: true, from: 'source' };
    }
  } else {
    state.lastMismatch = { version, hash, firstSeenAt: fetchedAt };
  }
  return { notYet: `the rows' hash disagrees with version ${version}'s (a read torn across a deploy?)` };
}

/** The tier's snapshot, when it is at least what is needed and newer than what is held. */
async function fromTier(
  context: FetchContext,
  tier: SharedTier,
  state: TableState,
  need: number,
): Promise<Candidate | undefined> {
  context.counters.tierReads++;
  const stored = await tier.get(state.name);
  if (stored === undefined || stored.version < need) return undefined;
  const newer = stored.version > state.installedVersion || stored.fetchedAt > state.confirmedAt;
  const fresh = context.clock.now() - stored.fetchedAt < state.options.ttlMs;
  if (!newer || !fresh) return undefined;
  if (snapshotHash(stored.rows) !== stored.hash) {
    context.logger.warn(
      `${state.name}: the shared tier's snapshot does not match its own hash; reading Genesys.`,
    );
    return undefined;
  }
  return {
    rows: stored.rows,
    version: stored.version,
    hash: stored.hash,
    fetchedAt: stored.fetchedAt,
    drifted: stored.drifted === true,
    from: 'tier',
  };
}

/** Another instance holds the lease: its snapshot should reach the tier shortly. */
async function waitForLeaseholder(
  context: FetchContext,
  tier: SharedTier,
  state: TableState,
  need: number,
  isCurrent: () => boolean,
): Promise<Candidate | undefined> {
  const { leaseWaitMs, leaseWaitStepMs } = context.tuning;
  for (let waited = 0; waited < leaseWaitMs; waited += leaseWaitStepMs) {
    await context.timers.sleep(leaseWaitStepMs);
    if (!isCurrent() || !tier.healthy) return undefined;
    const shared = await fromTier(context, tier, state, need);
    if (shared) return shared;
  }
  return undefined;
}

async function share(
  context: FetchContext,
  tier: SharedTier,
  state: TableState,
  read: Candidate,
): Promise<void> {
  const stored: StoredSnapshot = {
    table: state.name,
    version: read.version,
    hash: read.hash,
    fetchedAt: read.fetchedAt,
    rows: [...read.rows],
    drifted: read.drifted,
  };
  try {
    await tier.putIfNewer(stored, state.options.ttlMs);
  } catch (error) {
    context.logger.debug(`${state.name}: could not share the snapshot (${(error as Error).message}).`);
  }
}
