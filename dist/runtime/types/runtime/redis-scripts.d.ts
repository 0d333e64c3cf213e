import type { RedisLink } from './redis-client.js';
/**
 * The Lua scripts that make the Redis writes atomic. Each runs as one step in Redis: no other
 * client's write can land between its read and its write. Sent with EVALSHA, and with EVAL
 * when Redis does not know the script yet (first use, or after a restart emptied its cache).
 */
export interface LuaScript {
    readonly source: string;
    readonly sha1: string;
}
/**
 * Stores a snapshot unless the stored one should stay. Ordered by (version, fetchedAt):
 * - a higher version replaces a lower one; a lower version never replaces a higher one;
 * - at the same version, the snapshot read later replaces the stored one: either its rows differ
 *   (the table was edited by hand after the deploy, and the later read saw the edit), or they are
 *   the same and the later read confirms them (fetchedAt and the TTL move on, so that other
 *   instances see a fresh snapshot instead of each taking the lease to read Genesys again);
 * - an earlier or equally old read of the same version never replaces the stored one.
 * A stored value that is not a snapshot's JSON is replaced. Returns 1 when stored, else 0.
 *
 * KEYS[1] the snapshot key. ARGV: version, fetchedAt, the snapshot's JSON, TTL in ms.
 */
export declare const PUT_IF_NEWER: LuaScript;
/**
 * Announces a purge: raises the table's newest version in the versions hash (never lowers it)
 * and publishes the purge, in one step, so that a reader that catches up from the hash after
 * subscribing misses nothing. A purge older than the announced version is not published (every
 * reader ignores it). Returns 1 when published, else 0.
 *
 * KEYS[1] the versions hash. ARGV: table, version, channel, the purge's JSON.
 */
export declare const ANNOUNCE_PURGE: LuaScript;
/** Runs a script by its SHA-1, loading it with EVAL when Redis answers NOSCRIPT. */
export declare function runScript(link: RedisLink, lua: LuaScript, keys: readonly string[], args: readonly string[]): Promise<unknown>;
