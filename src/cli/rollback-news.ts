import type { ApplyContext } from '../deploy/apply.js';
import { tellManuallyRestored, type ManualRestore } from '../deploy/restore-preview.js';
import { versionsTableName } from '../deploy/versions-table.js';
import type { WebhookTarget } from '../deploy/webhook.js';
import { ConfigurationError } from '../errors.js';
import { redactUrl } from '../genesys/regions.js';
import { writeLine, type CliIo } from './io.js';
import { WEBHOOK_OPTION, webhookTargetOf } from './webhook-options.js';

/** rollback's options for the versions table and the invalidation webhooks. */
export const ROLLBACK_NEWS_OPTIONS = { 'versions-table': { type: 'string' }, ...WEBHOOK_OPTION } as const;

export const ROLLBACK_NEWS_HELP = `  --versions-table NAME  the versions table apply keeps: never restored from the backup;
                         each restored table gets a new row there, hashed from its rows,
                         one version above its highest (readers take it). When the tables
                         equal the backup already, only rows that do not describe them are
                         rewritten
  --webhook URL          after the restore, POST the signed event (reason "rollback", the
                         new versions) here (repeatable; needs --versions-table; the HMAC
                         secret comes from DATATABLE_DEPLOY_WEBHOOK_SECRET)`;

export interface RollbackNews {
  versionsTable?: string | undefined;
  webhooks?: WebhookTarget | undefined;
}

/** The options, checked before anything is read. */
export function rollbackNewsOf(
  values: { 'versions-table'?: string | undefined; webhook?: string[] | undefined },
  io: CliIo,
): RollbackNews {
  const webhooks = webhookTargetOf(values.webhook, io);
  const versionsTable = versionsTableName(values['versions-table'], '--versions-table');
  // Without a versions table there is no version readers could order the restore by.
  if (webhooks && !versionsTable)
    throw new ConfigurationError(
      'rollback --webhook needs --versions-table: the event carries the versions the restore writes there.',
      'Give the versions table apply keeps (--versions-table NAME), or leave --webhook out.',
    );
  return { versionsTable, webhooks };
}

/**
 * After a proven restore: the versions table made true and readers told (see restore-news.ts),
 * with what was done on stdout. False when the versions table could not be updated.
 */
export async function tellCliRestored(
  io: CliIo,
  news: RollbackNews,
  restore: { manual: ManualRestore; actor: string; context: Omit<ApplyContext, 'phase'> },
): Promise<boolean> {
  if (!news.versionsTable) return true;
  const told = await tellManuallyRestored(restore.manual, { ...news, ...restore });
  if (told.problem) {
    writeLine(io.stdout, `  ${news.versionsTable}: ${told.problem}`);
    return false;
  }
  const marked = Object.entries(told.versions ?? {});
  writeLine(
    io.stdout,
    marked.length > 0
      ? `  ${news.versionsTable}: ${marked.map(([table, version]) => `${table} at version ${version}`).join(', ')}`
      : `  ${news.versionsTable}: already describes the restored tables`,
  );
  for (const webhook of told.webhooks ?? [])
    writeLine(
      io.stdout,
      `  webhook ${redactUrl(webhook.url)}: ${webhook.ok ? 'delivered' : `failed (${webhook.error}); the restore stands`}`,
    );
  return true;
}
