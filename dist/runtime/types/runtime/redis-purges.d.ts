import { DatatableDeployError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type RedisLink } from './redis-client.js';
import type { Purge, PurgeChannel } from './types.js';
type Handlers = Parameters<PurgeChannel['subscribe']>[0];
/** The catch-up key could not be read (Redis is down); the reader polls the versions table instead. */
export declare class PurgeCatchUpError extends DatatableDeployError {
}
/**
 * Purges over Redis pub/sub. The subscriber has a connection of its own (a subscribed connection
 * takes no other commands); `latestVersions` reads the relay's versions hash on the command
 * connection. Pub/sub drops what is published while a subscriber is disconnected, so after
 * every reconnection `onReconnect` tells the reader to catch up from that hash.
 */
export declare class RedisPurgeChannel implements PurgeChannel {
    private readonly subscriber;
    private readonly commands;
    private readonly channel;
    private readonly versionsKey;
    private readonly logger;
    private readonly release;
    private readonly timeoutMs;
    private handlers;
    /** The subscription was answered at least once (before that, nothing was missed). */
    private subscribed;
    /** The subscriber lost its connection since it was last subscribed. */
    private lost;
    private closed;
    constructor(subscriber: RedisLink, commands: RedisLink, channel: string, versionsKey: string, logger: Logger, release: () => Promise<void>, timeoutMs: number);
    get healthy(): boolean;
    subscribe(handlers: Handlers): Promise<void>;
    /** SUBSCRIBE on a connected subscriber; false when the connection dropped meanwhile. */
    private subscribeNow;
    private subscribeWhenReady;
    latestVersions(): Promise<ReadonlyMap<string, number>>;
    close(): Promise<void>;
    /** Tells the reader to catch up once the command connection (which reads the hash) is up too. */
    private reconnected;
    private received;
}
/** A message as a purge, or undefined when it is not one. */
export declare function parsePurge(message: string): Purge | undefined;
export {};
