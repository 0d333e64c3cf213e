import { DatatableDeployError } from '../errors.js';
import type { Logger } from '../logger.js';
import { answerWithin, jsonObject, whenReady, type RedisLink } from './redis-client.js';
import type { Purge, PurgeChannel } from './types.js';

type Handlers = Parameters<PurgeChannel['subscribe']>[0];

/** The catch-up key could not be read (Redis is down); the reader polls the versions table instead. */
export class PurgeCatchUpError extends DatatableDeployError {}

/**
 * Purges over Redis pub/sub. The subscriber has a connection of its own (a subscribed connection
 * takes no other commands); `latestVersions` reads the relay's versions hash on the command
 * connection. Pub/sub drops what is published while a subscriber is disconnected, so after
 * every reconnection `onReconnect` tells the reader to catch up from that hash.
 */
export class RedisPurgeChannel implements PurgeChannel {
  private handlers: Handlers | undefined;
  /** The subscription was answered at least once (before that, nothing was missed). */
  private subscribed = false;
  /** The subscriber lost its connection since it was last subscribed. */
  private lost = false;
  private closed = false;

  constructor(
    private readonly subscriber: RedisLink,
    private readonly commands: RedisLink,
    private readonly channel: string,
    private readonly versionsKey: string,
    private readonly logger: Logger,
    private readonly release: () => Promise<void>,
    private readonly timeoutMs: number,
  ) {
    const markLost = (): void => {
      if (this.subscribed) this.lost = true;
    };
    subscriber.on('error', markLost);
    subscriber.on('reconnecting', markLost);
    // node-redis subscribes again before it reports 'ready', so from here nothing is missed.
    subscriber.on('ready', () => {
      if (!this.lost) return;
      this.lost = false;
      this.reconnected();
    });
  }

  get healthy(): boolean {
    return this.subscriber.isReady && this.subscribed;
  }

  async subscribe(handlers: Handlers): Promise<void> {
    if (this.handlers) throw new TypeError('This purge channel has a subscriber already.');
    this.handlers = handlers;
    if (this.subscriber.isReady && (await this.subscribeNow())) return;
    // Redis is down: the reader is not held up. Once subscribed, it catches up on what was
    // announced meanwhile.
    this.subscribeWhenReady();
  }

  /** SUBSCRIBE on a connected subscriber; false when the connection dropped meanwhile. */
  private async subscribeNow(): Promise<boolean> {
    try {
      await this.subscriber.subscribe(this.channel, (message) => this.received(message));
    } catch (error) {
      // Refused on a live connection (an ACL without the channel?): purges will not be heard.
      const level = this.subscriber.isReady ? 'warn' : 'debug';
      this.logger[level](`Subscribing to ${this.channel} failed: ${(error as Error).message}`);
      return false;
    }
    this.subscribed = true;
    return true;
  }

  // Not sent while disconnected: node-redis 5 can mismatch replies when a queued SUBSCRIBE and
  // its own re-subscription meet on reconnection.
  private subscribeWhenReady(): void {
    this.subscriber.once('ready', () => {
      if (this.closed) return;
      void this.subscribeNow().then((done) => (done ? this.reconnected() : this.subscribeWhenReady()));
    });
  }

  async latestVersions(): Promise<ReadonlyMap<string, number>> {
    let reply: unknown;
    try {
      reply = await answerWithin(this.commands.sendCommand(['HGETALL', this.versionsKey]), this.timeoutMs);
    } catch (error) {
      throw new PurgeCatchUpError(
        `Could not read the announced versions from Redis (${this.versionsKey}): ${(error as Error).message}`,
        'Check that Redis is reachable; until then the reader polls the versions table.',
        { cause: error },
      );
    }
    return versionsOf(reply);
  }

  close(): Promise<void> {
    this.closed = true;
    return this.release();
  }

  /** Tells the reader to catch up once the command connection (which reads the hash) is up too. */
  private reconnected(): void {
    void whenReady(this.commands).then(() => {
      if (!this.closed) this.handlers?.onReconnect();
    });
  }

  private received(message: string): void {
    const purge = parsePurge(message);
    if (purge === undefined) {
      this.logger.warn(`Ignored a message on ${this.channel} that is not a purge: ${message.slice(0, 200)}`);
      return;
    }
    try {
      this.handlers?.onPurge(purge);
    } catch (error) {
      this.logger.warn(`Handling the purge of ${purge.table} failed: ${(error as Error).message}`);
    }
  }
}

/** HGETALL's answer (a flat list under RESP2, an object under RESP3) as table → version. */
function versionsOf(reply: unknown): Map<string, number> {
  const entries: [unknown, unknown][] = [];
  if (Array.isArray(reply)) {
    for (let index = 0; index + 1 < reply.length; index += 2) entries.push([reply[index], reply[index + 1]]);
  } else if (typeof reply === 'object' && reply !== null) {
    entries.push(...Object.entries(reply));
  }
  const versions = new Map<string, number>();
  for (const [table, value] of entries) {
    const version = Number(value);
    if (typeof table === 'string' && Number.isSafeInteger(version)) versions.set(table, version);
  }
  return versions;
}

/** A message as a purge, or undefined when it is not one. */
export function parsePurge(message: string): Purge | undefined {
  const value = jsonObject(message);
  if (value === undefined) return undefined;
  const { table, version, deployId, at } = value;
  if (typeof table !== 'string' || !Number.isSafeInteger(version) || (version as number) < 0)
    return undefined;
  return {
    table,
    version: version as number,
    deployId: typeof deployId === 'string' ? deployId : '',
    at: typeof at === 'string' ? at : '',
  };
}
