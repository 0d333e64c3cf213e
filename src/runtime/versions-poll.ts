import type { Logger } from '../logger.js';
import type { CountedSource } from './counted-source.js';
import type { VersionNews } from './refresher.js';
import type { TimerSet } from './timers.js';
import type { PurgeChannel, SharedTier } from './types.js';

/** The lease name for polling the versions table (not a table name: those cannot hold a slash). */
export const VERSIONS_POLL_LEASE = 'datatable-deploy/versions-poll';

export interface PollerContext {
  readonly source: CountedSource;
  readonly tier: SharedTier | undefined;
  readonly purges: PurgeChannel | undefined;
  readonly timers: TimerSet;
  readonly pollMs: number;
  readonly logger: Logger;
  readonly onVersion: (table: string, version: number, via: VersionNews) => void;
}

/**
 * Watches the versions table: one call tells which tables changed. When the purge channel and
 * the tier are healthy, one instance per cluster polls (it holds the lease) and the others read
 * the channel's catch-up key; when the channel is down, every instance polls, and more often,
 * since the cache is trusted only while invalidations can reach it.
 */
export class VersionsPoller {
  private stopped = false;

  constructor(private readonly context: PollerContext) {}

  start(): void {
    if (this.context.pollMs > 0) this.scheduleNext();
  }

  stop(): void {
    this.stopped = true;
  }

  /** One poll; errors are logged, and the next poll is scheduled either way. */
  async poll(): Promise<void> {
    try {
      for (const [table, version] of await this.latestVersions())
        this.context.onVersion(table, version, 'poll');
    } catch (error) {
      this.context.logger.debug(`Polling the versions table failed: ${(error as Error).message}`);
    }
  }

  /** After the purge channel reconnects: what was announced while it was down. */
  async catchUp(): Promise<void> {
    const purges = this.context.purges;
    if (purges === undefined) return;
    try {
      for (const [table, version] of await purges.latestVersions())
        this.context.onVersion(table, version, 'catch-up');
    } catch (error) {
      this.context.logger.warn(
        `Catching up on purges failed (${(error as Error).message}); polling the versions table.`,
      );
      await this.poll();
    }
  }

  /** How long until the next poll: shorter while the purge channel is down. */
  get intervalMs(): number {
    const { purges, pollMs } = this.context;
    if (purges === undefined || purges.healthy) return pollMs;
    return Math.max(1_000, Math.min(5_000, pollMs / 3));
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    this.context.timers.schedule(this.intervalMs, () => {
      void this.poll().then(() => this.scheduleNext());
    });
  }

  private async latestVersions(): Promise<ReadonlyMap<string, number>> {
    const { purges, tier, source } = this.context;
    if (purges?.healthy && tier?.healthy && !(await this.holdsLease(tier))) return purges.latestVersions();
    const records = await source.readVersions();
    return new Map([...records].map(([table, record]) => [table, record.version]));
  }

  private async holdsLease(tier: SharedTier): Promise<boolean> {
    try {
      return await tier.acquireLease(VERSIONS_POLL_LEASE, this.context.pollMs);
    } catch {
      return true;
    }
  }
}
