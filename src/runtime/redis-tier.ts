import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import { answerWithin, jsonObject, type RedisLink } from './redis-client.js';
import { PUT_IF_NEWER, runScript } from './redis-scripts.js';
import type { SharedTier, StoredSnapshot } from './types.js';

/** Where things live in Redis, under one prefix (default `datatable-deploy:`). */
export interface RedisKeys {
  snapshot(table: string): string;
  lease(table: string): string;
  /** The hash of table → newest announced version (the purge channel's catch-up key). */
  readonly versions: string;
}

export const redisKeys = (prefix: string): RedisKeys => ({
  snapshot: (table) => `${prefix}snapshot:${table}`,
  lease: (table) => `${prefix}lease:${table}`,
  versions: `${prefix}versions`,
});

/**
 * The shared tier on one Redis connection. Every call answers even while Redis is down
 * (undefined or false, logged at debug): the reader then reads Genesys directly, and the tier
 * is used again as soon as the connection is back.
 */
export class RedisTier implements SharedTier {
  // One token per instance: the lease's value says who holds it (for a person looking at Redis).
  private readonly token = randomUUID();

  constructor(
    private readonly link: RedisLink,
    private readonly keys: RedisKeys,
    private readonly logger: Logger,
    private readonly release: () => Promise<void>,
    private readonly timeoutMs: number,
  ) {}

  get healthy(): boolean {
    return this.link.isReady;
  }

  async get(table: string): Promise<StoredSnapshot | undefined> {
    const text = await this.attempt(`reading ${table}`, () =>
      this.link.sendCommand(['GET', this.keys.snapshot(table)]),
    );
    if (typeof text !== 'string') return undefined;
    const snapshot = parseStored(text, table);
    if (snapshot === undefined)
      this.logger.warn(`Redis holds something for ${table} that is not a snapshot; ignored.`);
    return snapshot;
  }

  async putIfNewer(snapshot: StoredSnapshot, ttlMs: number): Promise<boolean> {
    const json = JSON.stringify(snapshot);
    // PX must be at least 1; a fractional TTL is rounded up so that it never becomes 0.
    const ttl = String(Math.max(1, Math.ceil(ttlMs)));
    const args = [String(snapshot.version), String(snapshot.fetchedAt), json, ttl];
    const stored = await this.attempt(`storing ${snapshot.table}`, () =>
      runScript(this.link, PUT_IF_NEWER, [this.keys.snapshot(snapshot.table)], args),
    );
    return stored === 1;
  }

  async acquireLease(table: string, ms: number): Promise<boolean> {
    const ttl = String(Math.max(1, Math.ceil(ms)));
    const answer = await this.attempt(`leasing ${table}`, () =>
      this.link.sendCommand(['SET', this.keys.lease(table), this.token, 'NX', 'PX', ttl]),
    );
    return answer === 'OK';
  }

  close(): Promise<void> {
    return this.release();
  }

  /** The command's answer, or undefined when Redis is down, failed it, or did not answer in time. */
  private async attempt(what: string, command: () => Promise<unknown>): Promise<unknown> {
    if (!this.link.isReady) return undefined;
    try {
      return await answerWithin(command(), this.timeoutMs);
    } catch (error) {
      this.logger.debug(`Redis failed ${what}: ${(error as Error).message}`);
      return undefined;
    }
  }
}

/** The stored JSON as a snapshot of `table`, or undefined when it is not one. */
function parseStored(text: string, table: string): StoredSnapshot | undefined {
  const stored = jsonObject(text);
  if (stored === undefined) return undefined;
  const valid =
    stored.table === table &&
    Number.isSafeInteger(stored.version) &&
    typeof stored.hash === 'string' &&
    typeof stored.fetchedAt === 'number' &&
    Array.isArray(stored.rows);
  return valid ? (stored as unknown as StoredSnapshot) : undefined;
}
