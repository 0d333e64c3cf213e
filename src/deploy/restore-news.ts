import { ConfigurationError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import { readTables } from '../plan/snapshot.js';
import type { ApplyContext } from './apply.js';
import type { Backup } from './backup.js';
import { checkVersionsTable, markRestored, type RestoredRef } from './versions-table.js';
import { announce, type AnnounceOptions, type WebhookResult, type WebhookTarget } from './webhook.js';

/**
 * What follows a proven restore, for the failed deploy's rollback and the manual one alike:
 * the versions table is made true again (see markRestored in versions-table.ts), then readers
 * are told, by the same signed event as a deploy's with `reason: 'rollback'`, which versions
 * the restored tables now hold.
 *
 * The event is sent only with a versions table. Without one there is no version a reader could
 * order the restore by: the rows' version columns go back to their old numbers, so the next
 * deploy takes the failed deploy's number again, and a purge above it sent now would make
 * readers ignore that deploy's purge.
 */
export interface RestoreNewsOptions {
  /** The tables the restore put back (or deleted). */
  restored: readonly RestoredRef[];
  versionsTable?: string | undefined;
  /** Each marker's lowest version (a failed deploy: its version + 1). */
  floor?: number | undefined;
  /** Nothing was restored: only versions rows that do not describe their tables are rewritten. */
  onlyUntrue?: boolean | undefined;
  deployId: string;
  gitSha?: string | undefined;
  webhooks?: WebhookTarget | undefined;
  /** The event's description of the restore. */
  event: { digest: string; environment: string | null; actor: string };
  /** Where the marker writes go (phase `restore`); never aborted. */
  context: ApplyContext;
  announce: Omit<AnnounceOptions, 'logger' | 'clock'>;
}

export interface RestoreNews {
  /** Why the versions table could not be made true (the restore itself stands). */
  problem?: string | undefined;
  /** The versions written, by table (empty: every versions row was true already). */
  versions?: Record<string, number> | undefined;
  webhooks?: WebhookResult[] | undefined;
}

export async function tellRestored(options: RestoreNewsOptions): Promise<RestoreNews> {
  const { context, versionsTable } = options;
  const hooks = options.webhooks?.urls.length ? options.webhooks : undefined;
  if (!versionsTable) {
    if (hooks)
      context.logger.info(
        'invalidation webhooks: not sent after a restore without a versions table (the event carries its new versions)',
      );
    return {};
  }
  context.logger.info(`▶ versions table: marking the restored tables in ${versionsTable}`);
  const marking = await markRestored(
    options.restored,
    versionsTable,
    {
      floor: options.floor,
      onlyUntrue: options.onlyUntrue,
      deployId: options.deployId,
      deployedAt: new Date(context.clock.now()).toISOString(),
      gitSha: options.gitSha,
    },
    context,
  );
  if ('problem' in marking) return { problem: marking.problem };
  const tables = Object.keys(marking.versions);
  if (!hooks || tables.length === 0) return { versions: marking.versions };
  context.logger.info('▶ invalidation webhooks');
  const webhooks = await announce(
    hooks,
    {
      event: 'datatables.deployed',
      reason: 'rollback',
      tables,
      version: Math.max(...Object.values(marking.versions)),
      versions: marking.versions,
      deployId: options.deployId,
      ...options.event,
      deployedAt: new Date(context.clock.now()).toISOString(),
    },
    { ...options.announce, clock: context.clock, logger: context.logger },
    'the restore itself stands',
  );
  return { versions: marking.versions, webhooks };
}

/**
 * A manual restore with a versions table: the backup without that table (the deploy keeps it,
 * a backup never puts it back: its rows would name versions readers already left), and a check
 * that it has the columns readers expect, before any write. Says what it left out.
 */
export async function prepareManualRestore(
  backup: Backup,
  versionsTable: string | undefined,
  tables: DataTablesApi,
  note: (message: string) => void,
): Promise<Backup> {
  if (!versionsTable) return backup;
  const ours = (name: string) => name.toLowerCase() === versionsTable.toLowerCase();
  const [live] = await readTables(tables, [{ name: versionsTable }]);
  checkVersionsTable({ name: versionsTable, live: live ?? null });
  if (!backup.manifest.tables.some((table) => ours(table.name))) return backup;
  note(
    `${versionsTable} is the versions table: it is not restored from the backup; it is rewritten for the restored tables.`,
  );
  const rest = backup.tables.filter((table) => !ours(table.name));
  if (rest.length === 0)
    throw new ConfigurationError(
      `The backup at ${backup.location} holds only ${versionsTable}, the versions table. Nothing was written.`,
      'Restore another backup, or leave --versions-table (input versions-table) out if that table is not the versions table.',
    );
  return {
    ...backup,
    manifest: { ...backup.manifest, tables: backup.manifest.tables.filter((table) => !ours(table.name)) },
    tables: rest,
  };
}
