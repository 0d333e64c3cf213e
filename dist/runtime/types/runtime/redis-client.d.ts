import type { Clock } from '../clock.js';
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
type NodeRedis = {
    createClient: CreateClient;
};
export declare function useNodeRedis(load: () => Promise<NodeRedis>): void;
/** node-redis's createClient, with the fix when it is not installed. */
export declare function loadNodeRedis(): Promise<CreateClient>;
/** The URL, checked before node-redis sees it (its own errors do not say what to do). */
export declare function checkRedisUrl(url: string): URL;
/**
 * A client that reconnects forever with backoff, fails commands at once while disconnected, and
 * logs an outage once when it starts and once when it ends.
 */
export declare function openLink(createClient: CreateClient, options: LinkOptions): RedisLink;
/**
 * Starts connecting and resolves once the first attempt succeeded or failed: an instance whose
 * Redis is down at start-up still starts (reading Genesys directly) and picks Redis up later.
 */
export declare function startLink(client: RedisLink): Promise<void>;
/** Resolves when the client is connected (at once if it is). */
export declare function whenReady(client: RedisLink): Promise<void>;
/** Closes the connection: gracefully when connected, at once when not (nothing could be waited for). */
export declare function closeLink(client: RedisLink): Promise<void>;
/**
 * The command's answer, or a rejection after `ms`. node-redis times a command out only until it
 * is sent; a Redis that stops answering (frozen, or a network dropping packets) would hold the
 * caller for ever without this. The command itself may still be carried out later.
 */
export declare function answerWithin<T>(command: Promise<T>, ms: number): Promise<T>;
/** The text as a JSON object, or undefined when it is not one (what Redis holds is not trusted). */
export declare function jsonObject(text: string): Record<string, unknown> | undefined;
export {};
