import type { AuditLog } from './audit.js';
import { fetchTable, type Candidate, type FetchContext } from './fetch-table.js';
import { guardSnapshot } from './guards.js';
import type { ResolvedOptions } from './options.js';
import { buildSnapshot } from './snapshot.js';
import type { TableState } from './table-state.js';
import type { TableSnapshot } from './types.js';

/** Where a newer version was heard of. */
export type VersionNews = 'purge' | 'poll' | 'catch-up';

/**
 * Loads and refreshes tables, ordered by version. The rules that keep it free of races:
 * one refresh per table at a time (single-flight); a refresh installs only while its generation
 * is still the table's (an accepted newer version or an install bumps it); a refresh must reach
 * the table's needed version, which only ever goes up.
 */
export class Refresher {
  private closed = false;

  constructor(
    private readonly context: FetchContext,
    private readonly options: ResolvedOptions,
    private readonly audit: AuditLog,
    private readonly onInstalled: (state: TableState, before: TableSnapshot | undefined) => void,
  ) {}

  /** Starts a refresh, or joins the one under way for the table's current generation. */
  refresh(state: TableState): Promise<void> {
    if (this.closed) return Promise.resolve();
    const current = state.inflight;
    if (current && current.generation === state.generation) return current.promise;
    const generation = state.generation;
    const abort = new AbortController();
    const promise: Promise<void> = this.run(state, generation, abort.signal).finally(() => {
      if (state.inflight?.promise === promise) state.inflight = undefined;
    });
    state.inflight = { generation, promise, abort };
    return promise;
  }

  /**
   * Takes news of `version`: accepted only when newer than everything held, accepted or being
   * fetched. Accepting it supersedes any refresh under way and starts one that must reach it.
   */
  acceptVersion(state: TableState, version: number, via: VersionNews): boolean {
    if (this.closed || !(version > state.neededVersion)) return false;
    state.acceptedVersion = version;
    this.supersede(state);
    this.audit.write({ kind: 'purge', table: state.name, version, reason: via });
    if (!state.evicted) void this.refresh(state);
    return true;
  }

  /** Drops a table's snapshot to free memory; its version high-water marks stay. */
  evict(state: TableState): void {
    state.installed = undefined;
    state.evicted = true;
    state.cancelTimer?.();
    state.cancelTimer = undefined;
    this.supersede(state);
    this.context.counters.evictions++;
  }

  close(): void {
    this.closed = true;
  }

  private supersede(state: TableState): void {
    state.generation++;
    state.inflight?.abort.abort();
  }

  private async run(state: TableState, generation: number, signal: AbortSignal): Promise<void> {
    const { clock, counters } = this.context;
    const started = clock.now();
    const isCurrent = (): boolean => !this.closed && state.generation === generation;
    try {
      const result = await fetchTable(this.context, state, isCurrent, signal);
      if (result === 'superseded' || !isCurrent() || result.version < state.neededVersion) {
        counters.discardedRefreshes++;
        return;
      }
      counters.refreshes++;
      counters.refreshLatency.add(clock.now() - started);
      state.failures = 0;
      state.lastError = undefined;
      this.install(state, result);
      this.scheduleNext(state, this.nextRefreshDelay(state));
    } catch (error) {
      if (!isCurrent()) {
        counters.discardedRefreshes++;
        return;
      }
      this.fail(state, error);
    }
    state.markSettled();
  }

  private install(state: TableState, candidate: Candidate): void {
    const current = state.installed;
    const unchanged =
      current !== undefined &&
      current.snapshot.version === candidate.version &&
      current.snapshot.hash === candidate.hash &&
      current.drifted === candidate.drifted;
    state.confirmedAt = candidate.fetchedAt;
    if (unchanged) return;
    const built = buildSnapshot({
      table: state.name,
      version: candidate.version,
      rows: candidate.rows,
      fetchedAt: candidate.fetchedAt,
      columns: state.options.columns,
      hash: candidate.hash,
    });
    const guarded = guardSnapshot(
      built,
      state.options,
      this.options.environment,
      state.contract,
      candidate.drifted,
    );
    state.installed = guarded;
    state.installedVersion = Math.max(state.installedVersion, candidate.version);
    state.generation++;
    state.failed = false;
    state.evicted = false;
    this.auditInstall(state, candidate);
    this.onInstalled(state, current?.snapshot);
  }

  private auditInstall(state: TableState, candidate: Candidate): void {
    const table = state.name;
    const version = candidate.version;
    this.audit.write({ kind: 'refresh', table, version, reason: candidate.drifted ? 'drifted' : undefined });
    if (candidate.drifted) {
      this.options.logger.warn(
        `${table}: the rows do not match version ${version}'s hash in the versions table; the table was edited after its deploy (drifted). Deploy it again to restore it.`,
      );
    }
    const view = state.installed;
    if (view === undefined) return;
    if (!view.versionInRange) {
      this.audit.write({ kind: 'guard', table, version, reason: 'version-out-of-range' });
      return;
    }
    for (const [key, refusal] of view.refused) {
      this.audit.write({ kind: 'guard', table, key, version, reason: refusal.reason });
    }
  }

  private fail(state: TableState, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.context.counters.refreshFailures++;
    state.failures++;
    state.lastError = message;
    if (state.installed === undefined) state.failed = true;
    this.audit.write({
      kind: 'refresh-failed',
      table: state.name,
      version: state.installed?.snapshot.version,
      reason: message,
    });
    this.options.logger.warn(`${state.name}: refresh failed (${message}); serving what is held.`);
    const retry = Math.min(state.options.ttlMs, 1_000 * 2 ** Math.min(state.failures - 1, 10));
    if (!state.evicted) this.scheduleNext(state, retry * (0.8 + 0.2 * this.context.random()));
  }

  /** At 80–90 % of the TTL (jittered, so instances spread out), counted from when the data was read. */
  private nextRefreshDelay(state: TableState): number {
    const due = state.options.ttlMs * (0.8 + 0.1 * this.context.random());
    return Math.max(1_000, due - (this.context.clock.now() - state.confirmedAt));
  }

  private scheduleNext(state: TableState, delayMs: number): void {
    state.cancelTimer?.();
    state.cancelTimer = this.context.timers.schedule(delayMs, () => {
      state.cancelTimer = undefined;
      void this.refresh(state);
    });
  }
}
