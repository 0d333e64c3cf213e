import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { ExpectedBinding } from '../plan/plan-file.js';
import type { ApplyContext } from './apply.js';
import { checkBackupBinding, parseBackup, type Backup, type BackupFiles } from './backup.js';
import { PLAN_READ_MAX_AGE_MS } from './guard.js';
import type { CreatedTables } from './journal.js';
import { plural } from './outcome.js';
import {
  previewRestore,
  restoreBackup,
  type RestoredTable,
  type RestorePreview,
  type RestoreReport,
} from './restore.js';
import { prepareManualRestore, tellRestored, type RestoreNews } from './restore-news.js';
import type { RestoredRef } from './versions-table.js';
import type { WebhookTarget } from './webhook.js';

/**
 * A restore started by hand, as both faces run it (the CLI's `rollback`, the action's mode
 * `rollback`): the backup opened and bound, the preview of what the restore would change, the
 * restore from the preview's read, and what follows a proven one. Face-neutral words; each face
 * prints them its own way and asks (or not) in between.
 */

/**
 * The backup checked whole (checksums, the signature when a key is set, every table file) and
 * bound to this org, environment and deployment; throws a BackupError otherwise.
 */
export function openBackup(
  files: BackupFiles,
  location: string,
  options: { signingKey?: string | undefined; warn?: (message: string) => void; expected: ExpectedBinding },
): Backup {
  const backup = parseBackup(files, location, { signingKey: options.signingKey, warn: options.warn });
  checkBackupBinding(backup, options.expected);
  return backup;
}

/** "Backup of <time>, plan <digest>: checksums verified." */
export const backupVerifiedText = (backup: Backup, signed: boolean): string =>
  `Backup of ${backup.manifest.createdAt}, plan ${backup.manifest.planDigest}: ${signed ? 'signature and checksums' : 'checksums'} verified.`;

/** What a manual restore would do, read without writing, and what it needs to do it. */
export interface ManualRestore {
  /** The backup as it is restored (without the versions table, see prepareManualRestore). */
  backup: Backup;
  preview: RestorePreview;
  /** When the preview read the tables: its read is reused while it is fresh. */
  previewedAt: number;
  createdTables: CreatedTables;
  rate: number;
  /** Whether the restore would write anything (rows, a table to delete, a table gone). */
  changes: boolean;
}

export async function previewManualRestore(
  loaded: Backup,
  options: {
    tables: DataTablesApi;
    versionsTable?: string | undefined;
    /** The tables the deploy's journal shows it created: only these may be deleted. */
    createdTables: CreatedTables;
    rate: number;
    clock: Clock;
    note: (message: string) => void;
  },
): Promise<ManualRestore> {
  const { tables, createdTables, rate } = options;
  const backup = await prepareManualRestore(loaded, options.versionsTable, tables, options.note);
  const previewedAt = options.clock.now();
  const preview = await previewRestore(backup, tables, rate, { createdTables });
  return { backup, preview, previewedAt, createdTables, rate, changes: restoreChanges(preview) };
}

/** Whether a restore would write anything: rows, a table to delete, or a backed-up table now gone. */
export const restoreChanges = (preview: RestorePreview): boolean =>
  preview.deletions.length > 0 ||
  preview.live.some((table) => table === null) ||
  preview.plans.some((plan) => plan.creates.length + plan.updates.length + plan.deletes.length > 0);

/** One backed-up table's preview: rows to put back, to revert, to remove. */
export interface TablePreview {
  name: string;
  putBack: number;
  revert: number;
  remove: number;
}

export const previewTables = (preview: RestorePreview): TablePreview[] =>
  preview.plans.map((plan) => ({
    name: plan.name,
    putBack: plan.creates.length,
    revert: plan.updates.length,
    remove: plan.deletes.length,
  }));

export const describeTablePreview = (table: TablePreview): string =>
  `${table.name}: ${plural(table.putBack, 'row')} to put back, ${table.revert} to revert, ${table.remove} to remove`;

/**
 * The preview's sentences besides the rows: tables created again, tables deleted, tables left in
 * place and why.
 */
export const previewNotes = (preview: RestorePreview): string[] => [
  ...preview.plans
    .filter((_, index) => preview.live[index] === null)
    .map(
      (plan) =>
        `${plan.name}: the table no longer exists; it is created again from the backup (schema, division, description)`,
    ),
  ...preview.deletions.map(
    (table) => `${table.name}: created by the deploy (id ${table.id}); the table is deleted`,
  ),
  ...preview.leftInPlace,
];

/** What a restore did to one table. */
export const describeTableRestore = (table: RestoredTable): string =>
  table.deletedTable
    ? `${table.name}: deleted the table the deploy had created`
    : `${table.name}: ${table.recreatedTable ? 'created the table again, ' : ''}${plural(table.creates, 'row')} put back, ${table.updates} reverted, ${table.deletes} removed`;

/**
 * Restores and proves it. The preview's read is what the restore writes from (the tables are not
 * read again) unless it is older than a plan's read may be (a question left waiting).
 */
export function restoreManually(
  manual: ManualRestore,
  context: Omit<ApplyContext, 'phase'>,
  settleMs: number | undefined,
): Promise<RestoreReport> {
  const fresh = context.clock.now() - manual.previewedAt <= PLAN_READ_MAX_AGE_MS;
  return restoreBackup(manual.backup, context, manual.rate, {
    createdTables: manual.createdTables,
    settleMs,
    preview: fresh ? manual.preview : undefined,
  });
}

/** The tables a manual restore put back or deleted, for {@link tellRestored}. */
const restoredRefs = (manual: ManualRestore): RestoredRef[] => [
  ...manual.backup.tables.map((table) => ({ name: table.name, id: table.id })),
  ...manual.preview.deletions.map((table) => ({ name: table.name, id: table.id })),
];

/**
 * After a proven manual restore (or none needed): the versions table made true and readers told,
 * see restore-news.ts. When nothing needed restoring, only versions rows that do not describe
 * their tables are rewritten.
 */
export function tellManuallyRestored(
  manual: ManualRestore,
  news: {
    versionsTable?: string | undefined;
    webhooks?: WebhookTarget | undefined;
    actor: string;
    context: Omit<ApplyContext, 'phase'>;
  },
): Promise<RestoreNews> {
  const { manifest } = manual.backup;
  return tellRestored({
    restored: restoredRefs(manual),
    versionsTable: news.versionsTable,
    onlyUntrue: !manual.changes,
    deployId: randomUUID(),
    webhooks: news.webhooks,
    event: { digest: manifest.planDigest, environment: manifest.environment ?? null, actor: news.actor },
    context: { ...news.context, phase: 'restore' },
    announce: {},
  });
}
