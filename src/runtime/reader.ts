import { ConfigurationError } from '../errors.js';
import { AuditLog } from './audit.js';
import { ChangeNotifier, changedKeys, type ChangeListener } from './callbacks.js';
import { connect, type Connections } from './connect.js';
import { ContractChecker } from './contract.js';
import { CountedSource } from './counted-source.js';
import { DEFAULT_TUNING, type FetchTuning } from './fetch-table.js';
import type { TableView } from './guards.js';
import { tablesToEvict } from './lru.js';
import { startMetrics, type StopMetrics } from './metrics.js';
import { resolveOptions, type ReaderOptions, type ResolvedOptions } from './options.js';
import { Refresher, type VersionNews } from './refresher.js';
import { Counters, reportStats, type ReaderStats, type TableStats } from './stats.js';
import { TableState } from './table-state.js';
import { TimerSet } from './timers.js';
import type { ConfigValue, FallbackReason, Purge, TableSnapshot } from './types.js';
import { VersionsPoller } from './versions-poll.js';

/** How each table came out of its first load. */
export interface ReadyReport {
  readonly tables: Readonly<
    Record<
      string,
      { loaded: boolean; version?: number | undefined; reason?: FallbackReason; error?: string | undefined }
    >
  >;
}

/** The plugin's view of its configuration: reads are synchronous, from memory. */
export interface ConfigReader {
  /** Resolves once every table is loaded, or has failed to its safe defaults (with the reason). */
  ready(): Promise<ReadyReport>;
  /** The typed value; a safe default when it cannot be served; for an absent key, its safe default or undefined. */
  get(table: string, key: string): ConfigValue | undefined;
  /** The whole table as served (guards applied); undefined when it is not in memory. */
  table(name: string): TableView | undefined;
  stats(): ReaderStats;
  /** Called after each new snapshot is installed; returns a function that removes the listener. */
  onChange(listener: ChangeListener): () => void;
  /** Resolves when the onChange callbacks queued so far have run (or timed out). */
  callbacksIdle(): Promise<void>;
  /** Stops every timer and subscription; values already read stay usable. */
  close(): Promise<void>;
}

/**
 * Starts a reader: validates the options (a ConfigurationError says what to fix), connects the
 * source and, when asked, Redis, then begins loading every table. `ready()` waits for the loads.
 */
export async function createConfigReader(
  options: ReaderOptions,
  tuning: Partial<FetchTuning> = {},
): Promise<ConfigReader> {
  const resolved = resolveOptions(options);
  const contracts = new Map(
    resolved.tables.map((table) => [table.name, new ContractChecker(table.name, table.contract)]),
  );
  const connections = await connect(options, resolved);
  const reader = new Reader(resolved, connections, contracts, { ...DEFAULT_TUNING, ...tuning }, options);
  // Before the first loads, so that their latencies reach the histogram too.
  await reader.observe(options);
  await reader.start();
  return reader;
}

class Reader implements ConfigReader {
  private readonly states = new Map<string, TableState>();
  private readonly counters = new Counters();
  private readonly timers: TimerSet;
  private readonly audit: AuditLog;
  private readonly source: CountedSource;
  private readonly refresher: Refresher;
  private readonly notifier: ChangeNotifier;
  private readonly poller: VersionsPoller;
  private usageTick = 0;
  private closed = false;
  private stopMetrics: StopMetrics | undefined;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly connections: Connections,
    contracts: ReadonlyMap<string, ContractChecker>,
    tuning: FetchTuning,
    raw: ReaderOptions,
  ) {
    const { clock, logger, random } = options;
    this.timers = new TimerSet(options.timers);
    this.audit = new AuditLog(raw.audit, options, clock, logger);
    this.source = new CountedSource(connections.source, this.counters);
    const { tier, purges } = connections;
    const fetchContext = {
      source: this.source,
      tier,
      timers: this.timers,
      clock,
      random,
      counters: this.counters,
      logger,
      tuning,
    };
    this.refresher = new Refresher(fetchContext, options, this.audit, (state, before) =>
      this.installed(state, before),
    );
    this.notifier = new ChangeNotifier(this.timers, options.callbackTimeoutMs, this.counters, logger);
    this.poller = new VersionsPoller({
      source: this.source,
      tier,
      purges,
      timers: this.timers,
      pollMs: options.versionPollMs,
      logger,
      onVersion: (table, version, via) => this.heard(table, version, via),
    });
    for (const table of options.tables) {
      this.states.set(table.name, new TableState(table, contracts.get(table.name) as ContractChecker));
    }
  }

  /** Registers the OpenTelemetry instruments (when the host has the API; a no-op otherwise). */
  async observe(raw: ReaderOptions): Promise<void> {
    this.stopMetrics = await startMetrics(raw.metrics, {
      stats: () => this.stats(),
      refreshLatency: this.counters.refreshLatency,
      logger: this.options.logger,
    });
  }

  /** Subscribes first (nothing announced after that is lost), catches up, then loads every table. */
  async start(): Promise<void> {
    const purges = this.connections.purges;
    if (purges) {
      try {
        await purges.subscribe({
          onPurge: (purge) => this.purged(purge),
          onReconnect: () => void this.poller.catchUp(),
        });
        await this.poller.catchUp();
      } catch (error) {
        this.options.logger.warn(
          `Could not subscribe to purges (${(error as Error).message}); polling instead.`,
        );
      }
    }
    for (const state of this.states.values()) void this.refresher.refresh(state);
    this.poller.start();
  }

  async ready(): Promise<ReadyReport> {
    await Promise.all([...this.states.values()].map((state) => state.settled));
    const tables: Record<string, ReadyReport['tables'][string]> = {};
    for (const [name, state] of this.states) {
      tables[name] = state.installed
        ? { loaded: true, version: state.installed.snapshot.version }
        : { loaded: false, reason: state.failed ? 'unreadable' : 'not-loaded', error: state.lastError };
    }
    return { tables };
  }

  get(table: string, key: string): ConfigValue | undefined {
    const state = this.states.get(table);
    if (state === undefined) throw this.unknownTable(table);
    state.lastUsed = ++this.usageTick;
    const view = state.installed;
    if (view === undefined) return this.notServed(state, key);
    const age = this.options.clock.now() - state.confirmedAt;
    if (age > this.options.maxStaleMs) return this.fallback(state, key, 'too-stale');
    const value = view.passed.get(key);
    if (value !== undefined || view.passed.has(key)) {
      this.counters.hits++;
      if (age > state.options.ttlMs || state.acceptedVersion > view.snapshot.version)
        this.counters.staleServed++;
      if (this.options.auditSampleRate > 0 && this.options.random() < this.options.auditSampleRate) {
        this.audit.write({ kind: 'read', table, key, version: view.snapshot.version });
      }
      return value;
    }
    const refusal = view.refused.get(key);
    if (refusal !== undefined) return this.fallback(state, key, refusal.reason);
    this.counters.misses++;
    return state.options.safeDefaults.get(key);
  }

  table(name: string): TableView | undefined {
    const state = this.states.get(name);
    if (state === undefined) throw this.unknownTable(name);
    state.lastUsed = ++this.usageTick;
    if (state.installed === undefined) this.notServed(state, undefined);
    return state.installed;
  }

  onChange(listener: ChangeListener): () => void {
    return this.notifier.add(listener);
  }

  stats(): ReaderStats {
    const tables: Record<string, TableStats> = {};
    const now = this.options.clock.now();
    for (const [name, state] of this.states) {
      const snapshot = state.installed?.snapshot;
      tables[name] = {
        loaded: snapshot !== undefined,
        version: snapshot?.version,
        hash: snapshot?.hash,
        ageSeconds: snapshot === undefined ? undefined : (now - state.confirmedAt) / 1000,
        bytes: snapshot?.bytes ?? 0,
        drifted: state.installed?.drifted ?? false,
        pendingVersion: state.acceptedVersion > state.installedVersion ? state.acceptedVersion : undefined,
        lastError: state.lastError,
      };
    }
    const health = (part: { healthy: boolean } | undefined) =>
      part === undefined ? 'none' : part.healthy ? 'up' : 'down';
    return reportStats(this.counters, {
      rateLimited: this.source.rateLimited(),
      auditFailures: this.audit.failures,
      tables,
      sharedTier: health(this.connections.tier),
      purgeChannel: health(this.connections.purges),
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopMetrics?.();
    this.refresher.close();
    this.poller.stop();
    this.notifier.close();
    this.timers.clear();
    for (const state of this.states.values()) {
      state.inflight?.abort.abort();
      state.cancelTimer = undefined;
      state.markSettled();
    }
    await Promise.all(
      this.connections.owned.map((owned) =>
        owned
          .close()
          .catch((error: unknown) => this.options.logger.debug(`close: ${(error as Error).message}`)),
      ),
    );
  }

  callbacksIdle(): Promise<void> {
    return this.notifier.idle();
  }

  private notServed(state: TableState, key: string | undefined): ConfigValue | undefined {
    // An evicted table comes back on its next use; the read is not awaited (get stays synchronous).
    if (state.evicted) void this.refresher.refresh(state);
    if (key === undefined) return undefined;
    return this.fallback(state, key, state.failed ? 'unreadable' : 'not-loaded');
  }

  private fallback(state: TableState, key: string, reason: FallbackReason): ConfigValue | undefined {
    this.counters.safeDefaults[reason]++;
    this.audit.write({
      kind: 'fallback',
      table: state.name,
      key,
      version: state.installed?.snapshot.version,
      reason,
    });
    return state.options.safeDefaults.get(key);
  }

  private purged(purge: Purge): void {
    const state = this.states.get(purge.table);
    if (state === undefined || this.closed) return;
    if (this.refresher.acceptVersion(state, purge.version, 'purge')) this.counters.purgesAccepted++;
    else this.counters.purgesIgnored++;
  }

  private heard(table: string, version: number, via: VersionNews): void {
    const state = this.states.get(table);
    if (state !== undefined) this.refresher.acceptVersion(state, version, via);
  }

  private installed(state: TableState, before: TableSnapshot | undefined): void {
    for (const victim of tablesToEvict(this.states.values(), this.options, state)) {
      this.refresher.evict(victim);
      this.options.logger.debug(
        `${victim.name}: evicted (least recently used) to stay within the cache limits.`,
      );
    }
    const after = (state.installed as TableView).snapshot;
    this.notifier.notify(state.name, { before, after, changedKeys: changedKeys(before, after) });
  }

  private unknownTable(table: string): ConfigurationError {
    return new ConfigurationError(
      `"${table}" is not one of this reader's tables (${[...this.states.keys()].join(', ')}).`,
      `Add "${table}" under \`tables\` in createConfigReader's options, or correct the name.`,
    );
  }
}
