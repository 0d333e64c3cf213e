import { createHash } from 'node:crypto';
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

const script = (source: string): LuaScript => ({
  source,
  sha1: createHash('sha1').update(source).digest('hex'),
});

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
export const PUT_IF_NEWER = script(`
local current = redis.call('GET', KEYS[1])
if current then
  local ok, stored = pcall(cjson.decode, current)
  if ok and type(stored) == 'table' and tonumber(stored.version) then
    local version, incoming = tonumber(stored.version), tonumber(ARGV[1])
    if version > incoming then return 0 end
    if version == incoming and tonumber(ARGV[2]) <= (tonumber(stored.fetchedAt) or 0) then return 0 end
  end
end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[4])
return 1
`);

/**
 * Announces a purge: raises the table's newest version in the versions hash (never lowers it)
 * and publishes the purge, in one step, so that a reader that catches up from the hash after
 * subscribing misses nothing. A purge older than the announced version is not published (every
 * reader ignores it). Returns 1 when published, else 0.
 *
 * KEYS[1] the versions hash. ARGV: table, version, channel, the purge's JSON.
 */
export const ANNOUNCE_PURGE = script(`
local current = tonumber(redis.call('HGET', KEYS[1], ARGV[1]))
local incoming = tonumber(ARGV[2])
if current and current > incoming then return 0 end
if not current or incoming > current then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`);

/** Runs a script by its SHA-1, loading it with EVAL when Redis answers NOSCRIPT. */
export async function runScript(
  link: RedisLink,
  lua: LuaScript,
  keys: readonly string[],
  args: readonly string[],
): Promise<unknown> {
  const rest = [String(keys.length), ...keys, ...args];
  try {
    return await link.sendCommand(['EVALSHA', lua.sha1, ...rest]);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
    return link.sendCommand(['EVAL', lua.source, ...rest]);
  }
}
