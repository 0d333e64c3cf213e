import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { systemClock } from '../clock.js';
import { checkBackupBinding, LocalBackupStore, parseBackup } from '../deploy/backup.js';
import { PLAN_READ_MAX_AGE_MS } from '../deploy/guard.js';
import { createdTablesOf, FileJournal, JOURNAL_FILE, parseJournal } from '../deploy/journal.js';
import { previewRestore, restoreBackup, type RestorePreview } from '../deploy/restore.js';
import { prepareManualRestore } from '../deploy/restore-news.js';
import { ConfigurationError } from '../errors.js';
import { stderrLogger } from '../logger.js';
import { apiHostOf } from '../plan/plan-configs.js';
import { describeBinding } from '../plan/plan-file.js';
import { confirm } from './confirm.js';
import {
  checkConnectionOptions,
  clientFromOptions,
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
  SETTLE_HELP,
  SETTLE_OPTION,
  settleMsOf,
} from './connection.js';
import { restoreLines } from './deploy-output.js';
import { markRestored as recordRestored } from './unfinished.js';
import {
  ROLLBACK_NEWS_HELP,
  ROLLBACK_NEWS_OPTIONS,
  rollbackNewsOf,
  tellCliRestored,
} from './rollback-news.js';
import { writeLine, type CliIo } from './io.js';
import { parseOptions } from './options.js';
import { checkInputDirectory } from './paths.js';
import {
  actorOf,
  EMERGENCY_HELP,
  EMERGENCY_OPTION,
  POLICY_HELP,
  POLICY_OPTION,
  policyFromOptions,
  requireOpenWindow,
} from './policy-options.js';
import { SIGNING_HELP, signingKeyOf, warnOnce } from './signing-key.js';

const HELP = `Usage: datatable-deploy rollback --backup DIR [--environment E] [--deployment NAME]
                                 [--versions-table NAME] [--webhook URL]...
                                 [--yes] [connection options]

Restores a backup made by apply: verifies its manifest (checksum, and signature when a key
is set) and every table file, refuses a backup of another org (API host), environment or
deployment, shows what the restore would change, applies it, and reads the tables back to
prove they equal the backup. A table the deploy created is deleted only when DIR/${JOURNAL_FILE}
(written by apply) shows that deploy created it, and only by the id recorded there.

  --backup DIR        the backup directory (it holds manifest.json)
  --environment E     refuse the backup unless it was made for environment E
  --deployment NAME   refuse the backup unless it was made for deployment NAME
  --actor NAME        who restores (default: GITHUB_ACTOR or the user name)
${ROLLBACK_NEWS_HELP}
${POLICY_HELP}
${EMERGENCY_HELP}
  --yes               do not ask; required when not on a terminal
${CONNECTION_HELP}
${SETTLE_HELP}

${SIGNING_HELP}

Exit codes: 0 restored (or nothing to restore), 1 unusable backup (damaged, forged, empty,
unsigned or wrongly signed with a key set), a backup of another org, environment or
deployment, or an error before any write, 3 refused (outside the policy's change windows),
5 the restore did not finish (or the versions table could not be updated after it). A
webhook that fails is a warning: the restore stands.`;

export async function runRollbackCommand(args: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { values } = parseOptions('rollback', args, {
    backup: { type: 'string' },
    environment: { type: 'string' },
    deployment: { type: 'string' },
    actor: { type: 'string' },
    yes: { type: 'boolean' },
    ...ROLLBACK_NEWS_OPTIONS,
    ...POLICY_OPTION,
    ...EMERGENCY_OPTION,
    ...CONNECTION_OPTIONS,
    ...SETTLE_OPTION,
  });
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  if (!values.backup)
    throw new ConfigurationError(
      'rollback needs --backup DIR.',
      'Give the backup directory that apply printed.',
    );
  const settleMs = settleMsOf(values);
  const news = rollbackNewsOf(values, io);
  checkConnectionOptions(io, values);
  await checkInputDirectory(
    '--backup',
    values.backup,
    cwd,
    'Give the backup directory that apply printed (it holds manifest.json).',
  );
  const policyOf = await policyFromOptions(values, cwd);
  const signingKey = signingKeyOf(io);
  const location = resolve(cwd, values.backup);
  const parsed = parseBackup(await new LocalBackupStore(cwd).load(location), location, {
    signingKey,
    warn: warnOnce(io),
  });
  const client = clientFromOptions(io, values);
  checkBackupBinding(parsed, {
    apiHost: apiHostOf(client),
    environment: values.environment,
    deployment: values.deployment,
  });
  writeLine(
    io.stdout,
    `Backup of ${parsed.manifest.createdAt}, plan ${parsed.manifest.planDigest}: ${signingKey === undefined ? 'checksums' : 'signature and checksums'} verified.`,
  );
  writeLine(io.stdout, `Target: ${describeBinding(parsed.manifest)}.`);
  const actor = actorOf(values, io);
  requireOpenWindow(policyOf(parsed.manifest.environment), values, actor, io);
  const backup = await prepareManualRestore(parsed, news.versionsTable, client.tables, (note) =>
    writeLine(io.stdout, `note: ${note}`),
  );

  const createdTables = createdTablesOf(await readJournal(location, io));
  const rate = client.budget.stats().currentRatePerMinute;
  const previewedAt = systemClock.now();
  const preview = await previewRestore(backup, client.tables, rate, { createdTables });
  const changes = showPreview(io, preview);
  if (!changes) writeLine(io.stdout, 'The live tables already equal the backup.');
  // With a versions table, equal tables still get their versions rows checked (and mended).
  if (!changes && !news.versionsTable) return 0;
  if (
    changes &&
    !values.yes &&
    !(await confirm(io, { verb: 'restore', question: 'Restore this backup?', reviewed: 'the preview' }))
  )
    return 1;
  const journal = new FileJournal(resolve(location, `restore-${Date.now()}.journal.jsonl`));
  const logger = stderrLogger();
  try {
    const report = changes
      ? await restoreBackup(backup, { tables: client.tables, journal, logger, clock: systemClock }, rate, {
          createdTables,
          settleMs,
          // The preview's read is what the restore writes from (the tables are not read again),
          // unless the question above was left waiting long enough for them to change.
          preview: systemClock.now() - previewedAt <= PLAN_READ_MAX_AGE_MS ? preview : undefined,
        })
      : undefined;
    if (report) for (const line of restoreLines(report)) writeLine(io.stdout, line);
    if (report && !report.restored) {
      writeLine(io.stdout, `The restore did not finish; the backup is at ${location}.`);
      return 5;
    }
    if (report) await recordRestored(location);
    const restore = { backup, preview, actor, tables: client.tables, journal, logger, mendOnly: !report };
    if (!(await tellCliRestored(io, news, restore))) return 5;
    if (report) writeLine(io.stdout, 'Restored: the live tables equal the backup.');
    return 0;
  } finally {
    journal.close();
  }
}

/**
 * The apply's journal, next to the backup: the only evidence of which tables that deploy
 * created. Without it, no table is deleted.
 */
async function readJournal(location: string, io: CliIo) {
  try {
    return parseJournal(await readFile(join(location, JOURNAL_FILE), 'utf8'));
  } catch {
    writeLine(
      io.stderr,
      `note: there is no ${JOURNAL_FILE} in ${location}; tables the deploy may have created are left in place.`,
    );
    return [];
  }
}

/** Prints what the restore would do; false when there is nothing to do. */
function showPreview(io: CliIo, preview: RestorePreview): boolean {
  let changes = 0;
  for (const plan of preview.plans) {
    changes += plan.creates.length + plan.updates.length + plan.deletes.length;
    writeLine(
      io.stdout,
      `  ${plan.name}: ${plan.creates.length} rows to put back, ${plan.updates.length} to revert, ${plan.deletes.length} to remove`,
    );
  }
  for (const table of preview.deletions)
    writeLine(io.stdout, `  ${table.name}: created by the deploy (id ${table.id}); the table is deleted`);
  for (const item of preview.leftInPlace) writeLine(io.stdout, `  ${item}`);
  const missing = preview.live.some((table) => table === null);
  return changes > 0 || preview.deletions.length > 0 || missing;
}
