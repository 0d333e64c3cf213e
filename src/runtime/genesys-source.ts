import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { DatatableDeployError, GenesysApiError } from '../errors.js';
import { createGenesysClient, type ConnectionSettings } from '../genesys/client.js';
import type { RetryPolicy } from '../genesys/retry.js';
import type { Row } from '../genesys/types.js';
import type { Logger } from '../logger.js';
import type { TableSource, VersionRecord } from './types.js';
import { DEFAULT_VERSIONS_TABLE, versionRecord } from './versions-format.js';

/** A table the reader was asked for does not exist (any more) under that name. */
export class TableNotFoundError extends DatatableDeployError {}

/** What a source has cost so far: requests sent to Genesys (retries included) and 429s among them. */
export interface SourceStats {
  apiCalls: number;
  rateLimited: number;
}

export interface GenesysTableSource extends TableSource {
  stats(): SourceStats;
  /** The 429 answers seen so far (the reader's stats show them). */
  rateLimitedCount(): number;
}

export interface GenesysSourceOptions {
  clock?: Clock;
  logger?: Logger;
  /** The versions table the deploy writes (default `datatable_deploy_versions`). */
  versionsTable?: string;
  fetch?: typeof fetch;
  /**
   * How long a table's name → id lookup is trusted (default 5 min). The rows endpoint takes an
   * id and says nothing of the name, so a table renamed since is noticed only when its name is
   * looked up again; a deleted one is noticed at once (404).
   */
  lookupTtlMs?: number;
  /** Retry timing (tests shrink it); the defaults are the deploy's. */
  retry?: Partial<RetryPolicy>;
}

const DEFAULT_LOOKUP_TTL_MS = 5 * 60_000;

/**
 * Reads tables straight from Genesys Cloud through the project's client (OAuth, regions, rate
 * budget, retries, paging). Each read is whole: the versions table in one call (its rows fit one
 * page), a table in as many pages as it has; ids are looked up by name once and cached.
 */
export function createGenesysTableSource(
  connection: ConnectionSettings,
  options: GenesysSourceOptions = {},
): GenesysTableSource {
  const clock = options.clock ?? systemClock;
  const client = createGenesysClient(connection, {
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    tables: { clock },
  });
  const versionsTable = options.versionsTable ?? DEFAULT_VERSIONS_TABLE;
  const ttl = options.lookupTtlMs ?? DEFAULT_LOOKUP_TTL_MS;
  const ids = new Map<string, { id: string; at: number }>();

  /** The table's id: cached, else looked up by its exact name; undefined when there is none. */
  const idOf = async (name: string): Promise<string | undefined> => {
    const cached = ids.get(name);
    if (cached && clock.now() - cached.at < ttl) return cached.id;
    ids.delete(name);
    const found = await client.tables.findTableByName(name);
    if (found) ids.set(name, { id: found.id, at: clock.now() });
    return found?.id;
  };

  /** The rows of a named table; undefined when it does not exist (looked up again after a 404). */
  const rowsOf = async (name: string, signal: AbortSignal | undefined): Promise<Row[] | undefined> => {
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      const id = await idOf(name);
      if (id === undefined) return undefined;
      signal?.throwIfAborted();
      try {
        return await client.tables.listRows(id);
      } catch (error) {
        // Deleted (or deleted and made again under the same name: a new id): look it up once more.
        if (!(error instanceof GenesysApiError && error.status === 404) || attempt > 1) throw error;
        ids.delete(name);
      }
    }
  };

  return {
    async readVersions(signal) {
      // No versions table is not an error: the deploy has not kept one (yet); every table reads as version 0.
      const rows = (await rowsOf(versionsTable, signal)) ?? [];
      const records = new Map<string, VersionRecord>();
      for (const row of rows) {
        const record = versionRecord(row);
        if (record) records.set(record.table, record);
      }
      return records;
    },
    async readRows(table, signal) {
      const rows = await rowsOf(table, signal);
      if (rows === undefined)
        throw new TableNotFoundError(
          `The data table "${table}" does not exist in this org (deleted, or renamed).`,
          'Check the table name the reader is given (names are exact), or deploy the table first.',
        );
      return rows;
    },
    stats() {
      const http = client.http.stats();
      return { apiCalls: http.requests, rateLimited: http.rateLimited };
    },
    rateLimitedCount: () => client.http.stats().rateLimited,
  };
}
