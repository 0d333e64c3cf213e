import { afterEach } from 'vitest';
import type { Clock } from '../../src/clock.js';
import type { Row } from '../../src/genesys/types.js';
import { createConfigReader, type ConfigReader } from '../../src/runtime/reader.js';
import type { ReaderOptions } from '../../src/runtime/options.js';
import { snapshotHash } from '../../src/runtime/snapshot.js';
import type { Timers } from '../../src/runtime/timers.js';
import type {
  Purge,
  PurgeChannel,
  SharedTier,
  StoredSnapshot,
  TableSource,
  VersionRecord,
} from '../../src/runtime/types.js';

/** Lets queued promise callbacks run (several rounds: chains of awaits). */
export async function settle(): Promise<void> {
  for (let round = 0; round < 10; round++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Simulated time: a clock and timers that move only when the test advances them. */
export class SimulatedTime implements Clock, Timers {
  private time = 1_000_000;
  private sequence = 0;
  private readonly queue = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimeout(resolve, ms));
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = ++this.sequence;
    this.queue.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.queue.delete(handle as number);
  }

  get pendingTimers(): number {
    return this.queue.size;
  }

  /** Moves time forward by `ms`, running every timer that falls due, in order, settling between them. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.queue)
        if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.queue.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
    }
    this.time = end;
    await settle();
  }
}

/** A call waiting for the test to answer it. */
export interface HeldCall {
  readonly kind: 'versions' | 'rows';
  readonly table: string | undefined;
  /** Answers with the data as it was when the call was made (a slow response of an old read). */
  answerAsCalled(): void;
  /** Answers with the data as it is now. */
  answerNow(): void;
  fail(error: Error): void;
}

/** A Genesys stand-in: tables and a versions table, with calls that can be held and answered in any order. */
export class FakeSource implements TableSource {
  readonly versions = new Map<string, VersionRecord>();
  readonly tables = new Map<string, Row[]>();
  readonly calls: string[] = [];
  readonly held: HeldCall[] = [];
  /** When true, calls wait in `held` until the test answers them. */
  hold = false;
  /** Errors thrown by the next calls, in order. */
  readonly failures: Error[] = [];
  /** When set, readVersions answers with this instead (a lagging replica). */
  laggingVersions: Map<string, VersionRecord> | undefined;

  /** Writes a table's rows and then its versions row, as a deploy does. */
  deploy(table: string, version: number, rows: Row[]): void {
    this.tables.set(table, rows);
    this.versions.set(table, {
      table,
      version,
      hash: snapshotHash(rows),
      deployedAt: new Date(0).toISOString(),
      deployId: `deploy-${version}`,
    });
  }

  rowReads(table: string): number {
    return this.calls.filter((call) => call === `rows:${table}`).length;
  }

  readVersions(): Promise<ReadonlyMap<string, VersionRecord>> {
    this.calls.push('versions');
    const current = (): Map<string, VersionRecord> => new Map(this.laggingVersions ?? this.versions);
    return this.answer('versions', undefined, current);
  }

  readRows(table: string): Promise<Row[]> {
    this.calls.push(`rows:${table}`);
    const current = (): Row[] => {
      const rows = this.tables.get(table);
      if (rows === undefined) throw new Error(`no table ${table}`);
      return rows.map((row) => ({ ...row }));
    };
    return this.answer('rows', table, current);
  }

  heldFor(kind: 'versions' | 'rows', table?: string): HeldCall[] {
    return this.held.filter((call) => call.kind === kind && call.table === table);
  }

  private answer<T>(kind: 'versions' | 'rows', table: string | undefined, current: () => T): Promise<T> {
    const failure = this.failures.shift();
    if (failure) return Promise.reject(failure);
    if (!this.hold) return Promise.resolve().then(current);
    let asCalled: T | Error;
    try {
      asCalled = current();
    } catch (error) {
      asCalled = error as Error;
    }
    return new Promise<T>((resolve, reject) => {
      const done = (call: HeldCall): void => void this.held.splice(this.held.indexOf(call), 1);
      const call: HeldCall = {
        kind,
        table,
        answerAsCalled: () => {
          done(call);
          if (asCalled instanceof Error) reject(asCalled);
          else resolve(asCalled);
        },
        answerNow: () => {
          done(call);
          try {
            resolve(current());
          } catch (error) {
            reject(error as Error);
          }
        },
        fail: (error) => {
          done(call);
          reject(error);
        },
      };
      this.held.push(call);
    });
  }
}

/** The shared tier in memory; `putIfNewer` compares (version, fetchedAt). */
export class FakeTier implements SharedTier {
  healthy = true;
  readonly store = new Map<string, StoredSnapshot>();
  private readonly leases = new Map<string, number>();
  leasesGranted = 0;

  constructor(private readonly clock: Clock) {}

  async get(table: string): Promise<StoredSnapshot | undefined> {
    if (!this.healthy) throw new Error('redis is down');
    return this.store.get(table);
  }

  async putIfNewer(snapshot: StoredSnapshot): Promise<boolean> {
    if (!this.healthy) throw new Error('redis is down');
    const stored = this.store.get(snapshot.table);
    const newer =
      !stored ||
      snapshot.version > stored.version ||
      (snapshot.version === stored.version && snapshot.fetchedAt > stored.fetchedAt);
    if (newer) this.store.set(snapshot.table, snapshot);
    return newer;
  }

  async acquireLease(table: string, ms: number): Promise<boolean> {
    if (!this.healthy) throw new Error('redis is down');
    const until = this.leases.get(table);
    if (until !== undefined && until > this.clock.now()) return false;
    this.leases.set(table, this.clock.now() + ms);
    this.leasesGranted++;
    return true;
  }

  async close(): Promise<void> {}
}

/** Pub/sub in memory, one channel for every reader subscribed: purges published while it is down are lost, as with Redis. */
export class FakePurges implements PurgeChannel {
  healthy = true;
  private readonly subscribers: { onPurge(purge: Purge): void; onReconnect(): void }[] = [];
  readonly latest = new Map<string, number>();

  async subscribe(handlers: { onPurge(purge: Purge): void; onReconnect(): void }): Promise<void> {
    this.subscribers.push(handlers);
  }

  publish(table: string, version: number): void {
    this.latest.set(table, Math.max(version, this.latest.get(table) ?? 0));
    this.deliver(table, version);
  }

  /** Delivers a purge without touching the catch-up key (out-of-order or duplicate deliveries). */
  deliver(table: string, version: number): void {
    if (!this.healthy) return;
    const purge = { table, version, deployId: `deploy-${version}`, at: new Date(0).toISOString() };
    for (const subscriber of this.subscribers) subscriber.onPurge(purge);
  }

  disconnect(): void {
    this.healthy = false;
  }

  reconnect(): void {
    this.healthy = true;
    for (const subscriber of this.subscribers) subscriber.onReconnect();
  }

  async latestVersions(): Promise<ReadonlyMap<string, number>> {
    return new Map(this.latest);
  }

  async close(): Promise<void> {}
}

/** A config row as the deploy writes it (examples/config/*.yaml). */
export function configRow(key: string, value: string, type = 'string', environment = 'prod'): Row {
  return { key, config_value: value, data_type: type, environment };
}

/** Rows whose `setting` value names their version, so a test can see which version it is served. */
export function versionedRows(version: number, extra: Row[] = []): Row[] {
  return [configRow('setting', `v${version}`), configRow('limit', String(version * 10), 'integer'), ...extra];
}

export interface Harness {
  readonly time: SimulatedTime;
  readonly source: FakeSource;
  readonly reader: ConfigReader;
  readonly auditLines: Record<string, unknown>[];
}

/** A reader on simulated time with a fake source (tables deployed beforehand by `prepare`). */
export async function startReader(
  options: Partial<ReaderOptions> & Pick<ReaderOptions, 'tables'>,
  prepare: (source: FakeSource) => void = () => {},
  shared: { time?: SimulatedTime; source?: FakeSource } = {},
): Promise<Harness> {
  const time = shared.time ?? new SimulatedTime();
  const source = shared.source ?? new FakeSource();
  prepare(source);
  const auditLines: Record<string, unknown>[] = [];
  const reader = await createConfigReader({
    environment: 'prod',
    clientId: 'plugin-client',
    source,
    clock: time,
    timers: time,
    random: () => 0.5,
    audit: (line) => auditLines.push(JSON.parse(line) as Record<string, unknown>),
    ...options,
  });
  return { time, source, reader, auditLines };
}

/**
 * Readers a test file opens, closed after each test: `keep` one, or `ready` one (kept, and its
 * first load awaited).
 */
export function closeReadersAfterEach(): {
  keep(reader: ConfigReader): ConfigReader;
  ready(harness: Harness): Promise<Harness>;
} {
  let open: ConfigReader[] = [];
  afterEach(async () => {
    await Promise.all(open.map((reader) => reader.close()));
    open = [];
  });
  return {
    keep(reader) {
      open.push(reader);
      return reader;
    },
    async ready(harness) {
      open.push(harness.reader);
      await harness.reader.ready();
      return harness;
    },
  };
}
