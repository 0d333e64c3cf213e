import { ConfigurationError } from '../errors.js';
import type { ReaderOptions, ResolvedOptions } from './options.js';
import type { PurgeChannel, SharedTier, TableSource } from './types.js';

/** What the reader reads from and coordinates through; `owned` is what it must close itself. */
export interface Connections {
  readonly source: TableSource;
  readonly tier: SharedTier | undefined;
  readonly purges: PurgeChannel | undefined;
  readonly owned: readonly { close(): Promise<void> }[];
}

/**
 * The source, tier and purge channel: given, or built from `connection` and `redis`. Both are
 * loaded on demand, so Redis (an optional peer dependency) is needed only when a URL is given.
 */
export async function connect(options: ReaderOptions, resolved: ResolvedOptions): Promise<Connections> {
  const source = options.source ?? (await genesysSource(options, resolved));
  if (options.redis === undefined) {
    return { source, tier: options.tier, purges: options.purges, owned: [] };
  }
  if (options.tier || options.purges) {
    throw new ConfigurationError(
      'The reader was given both `redis` and a `tier` or `purges`.',
      'Pass either `redis: { url }` or your own `tier` and `purges`, not both.',
    );
  }
  const { connectRedis } = await import('./redis.js');
  try {
    const { tier, purges } = await connectRedis({
      url: options.redis.url,
      clock: resolved.clock,
      logger: resolved.logger,
      ...(options.redis.channel !== undefined ? { channel: options.redis.channel } : {}),
      ...(options.redis.keyPrefix !== undefined ? { keyPrefix: options.redis.keyPrefix } : {}),
    });
    return { source, tier, purges, owned: [tier, purges] };
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    // Redis is an optimisation: without it every instance reads Genesys and polls for changes.
    resolved.logger.warn(
      `Could not connect to Redis (${(error as Error).message}); reading Genesys directly and polling for changes.`,
    );
    return { source, tier: undefined, purges: undefined, owned: [] };
  }
}

async function genesysSource(options: ReaderOptions, resolved: ResolvedOptions): Promise<TableSource> {
  const connection = options.connection;
  if (connection === undefined) {
    throw new ConfigurationError(
      'The reader has nowhere to read tables from.',
      'Pass `connection` or a `source`.',
    );
  }
  const { createGenesysTableSource } = await import('./genesys-source.js');
  return createGenesysTableSource(connection, {
    clock: resolved.clock,
    logger: resolved.logger,
    ...(options.versionsTable !== undefined ? { versionsTable: options.versionsTable } : {}),
  });
}
