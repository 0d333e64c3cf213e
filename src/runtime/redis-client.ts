import type { Clock } from '../clock.js';
import { ConfigurationError } from '../errors.js';
import { redactUrl } from '../genesys/regions.js';
import type { Logger } from '../logger.js';

/**
 * The part of a node-redis 5 client this package uses. node-redis is an optional peer
 * dependency: it is imported only when a Redis URL is given, and its (very generic) types stay
 * behind this small interface.
 */
export interface RedisLink {
  readonly isReady: boolean;
  readonly isOpen: boolean;
  connect(): Promise<unknown>;
  sendCommand(args: string[]): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'ready' | 'end' | 'reconnecting', listener: () => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
  destroy(): void;
}

export interface LinkOptions {
  url: string;
  /** Named in log lines: 'Redis' or 'Redis (purges)'. */
  role: string;
  logger: Logger;
  clock: Clock;
  /**
   * A command not answered within this is failed (default 1,000 ms): a hung Redis must not hang
   * reads. 0: no limit (the subscriber's SUBSCRIBE may wait for Redis to come back).
   */
  commandTimeoutMs?: number;
}

type CreateClient = (typeof import('redis'))['createClient'];

type NodeRedis = { createClient: CreateClient };

/**
 * How node-redis is loaded. By default from the user's node_modules at run time (the magic
 * comment keeps the bundler from resolving it): the reader's bundle neither carries nor requires
 * it, as an optional peer should be. The CLI's relay, which must run with no node_modules,
 * bundles it and installs its own loader with `useNodeRedis`.
 */
let nodeRedis: () => Promise<NodeRedis> = () =>
  import(/* webpackIgnore: true */ 'redis') as Promise<NodeRedis>;

export function useNodeRedis(load: () => Promise<NodeRedis>): void {
  nodeRedis = load;
}

/** node-redis's createClient, with the fix when it is not installed. */
export async function loadNodeRedis(): Promise<CreateClient> {
  try {
    return (await nodeRedis()).createClient;
  } catch (error) {
    throw new ConfigurationError(
      `A Redis URL was given, but the "redis" package (node-redis 5) could not be loaded: ${(error as Error).message}`,
      'Install it next to datatable-deploy ("npm install redis@^5"), or leave the Redis URL out to read Genesys directly.',
      { cause: error },
    );
  }
}

/** The URL, checked before node-redis sees it (its own errors do not say what to do). */
export function checkRedisUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:'))
    throw new ConfigurationError(
      `The Redis URL ${JSON.stringify(redactUrl(url))} is not a redis:// or rediss:// URL.`,
      'Give it as redis://[[user]:password@]host[:port][/db], or rediss://… for TLS.',
    );
  return parsed;
}

// Fast first retries (a Redis restart takes milliseconds), then at most every 2 s, with jitter so
// that many instances do not reconnect in step.
const reconnectDelay = (retries: number): number =>
  Math.min(50 * 2 ** Math.min(retries, 10), 2_000) * (0.8 + Math.random() * 0.4);

/**
 * A client that reconnects forever with backoff, fails commands at once while disconnected, and
 * logs an outage once when it starts and once when it ends.
 */
export function openLink(createClient: CreateClient, options: LinkOptions): RedisLink {
  const client = createClient({
    url: options.url,
    // While disconnected, commands fail at once (the reader reads Genesys) instead of waiting.
    disableOfflineQueue: true,
    commandOptions: { timeout: options.commandTimeoutMs ?? 1_000 },
    socket: { connectTimeout: 2_000, reconnectStrategy: reconnectDelay },
  }) as unknown as RedisLink;
  watchOutages(client, options);
  return client;
}

function watchOutages(client: RedisLink, options: LinkOptions): void {
  const { logger, clock, role } = options;
  const where = redactUrl(options.url);
  let downSince: number | undefined;
  let connectedOnce = false;
  // node-redis emits 'error' for every failed attempt; without a listener the process would crash.
  client.on('error', (error) => {
    if (downSince !== undefined) return logger.debug(`${role} at ${where}: ${error.message}`);
    downSince = clock.now();
    const state = connectedOnce ? 'is unreachable' : 'cannot be reached';
    logger.warn(`${role} at ${where} ${state} (${error.message}); retrying in the background.`);
  });
  client.on('ready', () => {
    if (downSince !== undefined) {
      const after = `after ${Math.round((clock.now() - downSince) / 1000)} s`;
      logger.info(`${role} at ${where} is ${connectedOnce ? 'reachable again' : 'connected'} ${after}.`);
    }
    downSince = undefined;
    connectedOnce = true;
  });
}

/**
 * Starts connecting and resolves once the first attempt succeeded or failed: an instance whose
 * Redis is down at start-up still starts (reading Genesys directly) and picks Redis up later.
 */
export async function startLink(client: RedisLink): Promise<void> {
  const settled = new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.on('error', () => resolve());
  });
  // Rejects only when the client is closed before it ever connected.
  client.connect().catch(() => {});
  await settled;
}

/** Resolves when the client is connected (at once if it is). */
export function whenReady(client: RedisLink): Promise<void> {
  return client.isReady ? Promise.resolve() : new Promise((resolve) => client.once('ready', resolve));
}

/** Closes the connection: gracefully when connected, at once when not (nothing could be waited for). */
export async function closeLink(client: RedisLink): Promise<void> {
  if (!client.isOpen) return;
  if (client.isReady) {
    await client.close();
    return;
  }
  client.destroy();
}

/**
 * The command's answer, or a rejection after `ms`. node-redis times a command out only until it
 * is sent; a Redis that stops answering (frozen, or a network dropping packets) would hold the
 * caller for ever without this. The command itself may still be carried out later.
 */
export async function answerWithin<T>(command: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([command, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The text as a JSON object, or undefined when it is not one (what Redis holds is not trusted). */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
