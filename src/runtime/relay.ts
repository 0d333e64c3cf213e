import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { DatatableDeployError } from '../errors.js';
import { redactUrl } from '../genesys/regions.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { DEFAULT_KEY_PREFIX, DEFAULT_PURGE_CHANNEL } from './redis.js';
import {
  answerWithin,
  checkRedisUrl,
  closeLink,
  loadNodeRedis,
  openLink,
  startLink,
} from './redis-client.js';
import { ANNOUNCE_PURGE, runScript } from './redis-scripts.js';
import { redisKeys } from './redis-tier.js';
import type { Purge } from './types.js';
import { createPurgeHandler } from './webhook-receiver.js';

export interface RelayOptions {
  /** Where to publish: redis://… or rediss://… */
  redisUrl: string;
  /** The HMAC secret the deploy signs its webhook with (DATATABLE_DEPLOY_WEBHOOK_SECRET). */
  secret: string;
  /** Pub/sub channel (default `datatable-deploy:purges`; the readers' must match). */
  channel?: string;
  /** Key prefix of the versions hash (default `datatable-deploy:`; the readers' must match). */
  keyPrefix?: string;
  /** How far the event's time may be from now (default 300 s). */
  replayWindowSeconds?: number;
  clock?: Clock;
  logger?: Logger;
}

export interface Relay {
  /** The webhook's `node:http` handler (mount it in Express/Fastify, or `listen`). */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Serves the handler on its own HTTP server (default 127.0.0.1, port 0: a free one). */
  listen(port?: number, host?: string): Promise<{ url: string; port: number }>;
  /** True while the Redis connection is up (else webhooks are answered 500 and retried by the deploy). */
  readonly healthy: boolean;
  close(): Promise<void>;
}

/** Redis refused or failed the announcement; the webhook is answered 500 so that the deploy retries. */
export class RelayPublishError extends DatatableDeployError {}

/**
 * The relay between the deploy's signed webhook and the readers: it verifies each delivery
 * (HMAC, replay window, repeats: createPurgeHandler), then for each purge raises the table's
 * version in the versions hash (never lowers it) and publishes it, atomically. Readers that were
 * disconnected catch up from the hash.
 */
export async function createRelay(options: RelayOptions): Promise<Relay> {
  checkRedisUrl(options.redisUrl);
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const createClient = await loadNodeRedis();
  const link = openLink(createClient, { url: options.redisUrl, role: 'Redis', logger, clock });
  await startLink(link);
  const channel = options.channel ?? DEFAULT_PURGE_CHANNEL;
  const versionsKey = redisKeys(options.keyPrefix ?? DEFAULT_KEY_PREFIX).versions;

  const announce = async (purge: Purge): Promise<void> => {
    const args = [purge.table, String(purge.version), channel, JSON.stringify(purge)];
    let published: unknown;
    try {
      published = await answerWithin(runScript(link, ANNOUNCE_PURGE, [versionsKey], args), 2_000);
    } catch (error) {
      logger.warn(
        `Could not publish the purge of ${purge.table} v${purge.version}: ${(error as Error).message}`,
      );
      throw new RelayPublishError(
        `Redis at ${redactUrl(options.redisUrl)} failed the purge: ${(error as Error).message}`,
      );
    }
    if (published === 1)
      logger.info(`Published ${purge.table} v${purge.version} (deploy ${purge.deployId || '?'}).`);
    else
      logger.info(
        `${purge.table} v${purge.version} is older than the version announced already; not published.`,
      );
  };
  const handler = createPurgeHandler({
    secret: options.secret,
    ...(options.replayWindowSeconds !== undefined
      ? { replayWindowSeconds: options.replayWindowSeconds }
      : {}),
    clock,
    // In the event's order; a failure answers 500 and the deploy sends the event again.
    onPurge: async (purges) => {
      for (const purge of purges) await announce(purge);
    },
  });
  return relayServer(handler, link, () => closeLink(link));
}

function relayServer(
  handler: Relay['handler'],
  link: { readonly isReady: boolean },
  closeRedis: () => Promise<void>,
): Relay {
  const server = createServer(handler);
  return {
    handler,
    get healthy() {
      return link.isReady;
    },
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const bound = (server.address() as AddressInfo).port;
          const shown = host.includes(':') ? `[${host}]` : host;
          resolve({ url: `http://${shown}:${bound}/`, port: bound });
        });
      }),
    close: async () => {
      if (server.listening) {
        server.closeIdleConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await closeRedis();
    },
  };
}
