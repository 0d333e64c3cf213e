import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import {
  checkRedisUrl,
  closeLink,
  loadNodeRedis,
  openLink,
  startLink,
  type RedisLink,
} from './redis-client.js';
import { RedisPurgeChannel } from './redis-purges.js';
import { RedisTier, redisKeys } from './redis-tier.js';
import type { PurgeChannel, SharedTier } from './types.js';

/** The channel the relay publishes purges on, and readers subscribe to. */
export const DEFAULT_PURGE_CHANNEL = 'datatable-deploy:purges';
/** Prefix of every key: snapshots, leases, and the versions hash (`datatable-deploy:versions`). */
export const DEFAULT_KEY_PREFIX = 'datatable-deploy:';

export interface RedisOptions {
  /** redis://[[user]:password@]host[:port][/db], or rediss:// for TLS. */
  url: string;
  clock?: Clock;
  /** Pub/sub channel of purges (default `datatable-deploy:purges`; the relay's must match). */
  channel?: string;
  /** Prefix of every key (default `datatable-deploy:`; the relay's must match). */
  keyPrefix?: string;
  logger?: Logger;
  /** A command not answered within this counts as failed (default 1,000 ms). */
  commandTimeoutMs?: number;
}

/**
 * Connects the shared tier and the purge channel to Redis: two connections, one for commands
 * (snapshots, leases, the versions hash) and one subscribed to the purge channel. Loads node-redis
 * (an optional peer dependency) only now. Does not wait for Redis when it is down: both report
 * `healthy: false`, answer without throwing, and recover when Redis is back.
 *
 * Closing: each of the two holds the command connection, and the channel the subscriber too; a
 * connection is closed when the last holder closes (the reader closes both).
 *
 * Throws ConfigurationError when the URL is malformed or node-redis is not installed.
 */
export async function connectRedis(
  options: RedisOptions,
): Promise<{ tier: SharedTier; purges: PurgeChannel }> {
  checkRedisUrl(options.url);
  const createClient = await loadNodeRedis();
  const base = {
    url: options.url,
    logger: options.logger ?? silentLogger,
    clock: options.clock ?? systemClock,
  };
  const timeoutMs = options.commandTimeoutMs ?? 1_000;
  const commands = openLink(createClient, { ...base, role: 'Redis', commandTimeoutMs: timeoutMs });
  const subscriber = openLink(createClient, {
    ...base,
    role: 'Redis (purges)',
    // No time limit: a SUBSCRIBE given up on while Redis is slow would leave the channel unsubscribed.
    commandTimeoutMs: 0,
  });
  await Promise.all([startLink(commands), startLink(subscriber)]);

  const keys = redisKeys(options.keyPrefix ?? DEFAULT_KEY_PREFIX);
  const shared = holders(commands, 2);
  const tier = new RedisTier(commands, keys, base.logger, once(shared), timeoutMs);
  const purges = new RedisPurgeChannel(
    subscriber,
    commands,
    options.channel ?? DEFAULT_PURGE_CHANNEL,
    keys.versions,
    base.logger,
    once(async () => {
      await Promise.all([closeLink(subscriber), shared()]);
    }),
    timeoutMs,
  );
  return { tier, purges };
}

/** A release function for each of `count` holders of one connection: the last release closes it. */
function holders(link: RedisLink, count: number): () => Promise<void> {
  let left = count;
  return async () => {
    left -= 1;
    if (left === 0) await closeLink(link);
  };
}

/** Runs `release` the first time only: closing twice is not releasing twice. */
function once(release: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= release());
}
