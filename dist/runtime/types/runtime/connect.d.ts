import type { ReaderOptions, ResolvedOptions } from './options.js';
import type { PurgeChannel, SharedTier, TableSource } from './types.js';
/** What the reader reads from and coordinates through; `owned` is what it must close itself. */
export interface Connections {
    readonly source: TableSource;
    readonly tier: SharedTier | undefined;
    readonly purges: PurgeChannel | undefined;
    readonly owned: readonly {
        close(): Promise<void>;
    }[];
}
/**
 * The source, tier and purge channel: given, or built from `connection` and `redis`. Both are
 * loaded on demand, so Redis (an optional peer dependency) is needed only when a URL is given.
 */
export declare function connect(options: ReaderOptions, resolved: ResolvedOptions): Promise<Connections>;
