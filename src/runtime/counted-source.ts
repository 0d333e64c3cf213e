import type { Row } from '../genesys/types.js';
import type { Counters } from './stats.js';
import type { TableSource, VersionRecord } from './types.js';

/**
 * The source, counted: every read is an API call. Concurrent reads of the versions table share
 * one call; that is safe for the torn-read check, which only needs the versions row to have been
 * read before the rows are.
 */
export class CountedSource {
  private versionsInflight: Promise<ReadonlyMap<string, VersionRecord>> | undefined;

  constructor(
    private readonly source: TableSource,
    private readonly counters: Counters,
  ) {}

  readVersions(): Promise<ReadonlyMap<string, VersionRecord>> {
    if (this.versionsInflight) return this.versionsInflight;
    this.counters.apiCalls++;
    const read = this.source.readVersions().catch((error: unknown) => this.failed(error));
    this.versionsInflight = read;
    void read
      .finally(() => {
        if (this.versionsInflight === read) this.versionsInflight = undefined;
      })
      .catch(() => {});
    return read;
  }

  readRows(table: string, signal: AbortSignal): Promise<Row[]> {
    this.counters.apiCalls++;
    return this.source.readRows(table, signal).catch((error: unknown) => this.failed(error));
  }

  /** The source's own 429 count when it keeps one, else the 429 errors that reached the reader. */
  rateLimited(): number {
    return this.source.rateLimitedCount ? this.source.rateLimitedCount() : this.counters.rateLimited;
  }

  private failed(error: unknown): never {
    if ((error as { status?: unknown } | null)?.status === 429) this.counters.rateLimited++;
    throw error;
  }
}
