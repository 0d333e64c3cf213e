import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { systemClock } from '../clock.js';
import type { ApplyContext } from '../deploy/apply.js';
import { LocalBackupStore } from '../deploy/backup.js';
import { createdTablesOf, FileJournal, JOURNAL_FILE, parseJournal } from '../deploy/journal.js';
import {
  backupVerifiedText,
  describeTablePreview,
  openBackup,
  previewManualRestore,
  previewNotes,
  previewTables,
  restoreManually,
  type ManualRestore,
} from '../deploy/restore-preview.js';
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
import { EXIT_CODES } from './exit-codes.js';
import { markRestored as recordRestored } from './unfinished.js';
import {
  ROLLBACK_NEWS_HELP,
  ROLLBACK_NEWS_OPTIONS,
  rollbackNewsOf,
  tellCliRestored,
  type RollbackNews,
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

const ROLLBACK_OPTIONS = {
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
} as const;

type RollbackValues = ReturnType<typeof parseRollbackArgs>['values'];

const parseRollbackArgs = (args: string[]) => parseOptions('rollback', args, ROLLBACK_OPTIONS);

export async function runRollbackCommand(args: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const { values } = parseRollbackArgs(args);
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
  const policyOf = await policyFromOptions(values, cwd, (message) =>
    writeLine(io.stderr, `warning: ${message}`),
  );
  const { backup: opened, location, client } = await openCliBackup(values.backup, values, io);
  const actor = actorOf(values, io);
  requireOpenWindow(policyOf(opened.manifest.environment), values, actor, io);

  const manual = await previewManualRestore(opened, {
    tables: client.tables,
    versionsTable: news.versionsTable,
    createdTables: createdTablesOf(await readJournal(location, io)),
    rate: client.budget.stats().currentRatePerMinute,
    clock: systemClock,
    note: (note) => writeLine(io.stdout, `note: ${note}`),
  });
  showPreview(io, manual);
  // With a versions table, equal tables still get their versions rows checked (and mended).
  if (!manual.changes && !news.versionsTable) return 0;
  if (
    manual.changes &&
    !values.yes &&
    !(await confirm(io, { verb: 'restore', question: 'Restore this backup?', reviewed: 'the preview' }))
  )
    return 1;
  const journal = new FileJournal(resolve(location, `restore-${Date.now()}.journal.jsonl`));
  try {
    const context = { tables: client.tables, journal, logger: stderrLogger(), clock: systemClock };
    return await restoreAndTell(io, { manual, location, news, actor, context, settleMs });
  } finally {
    journal.close();
  }
}

/** The backup directory, checked whole and bound to the org and the options; says so. */
async function openCliBackup(directory: string, values: RollbackValues, io: CliIo) {
  const signingKey = signingKeyOf(io);
  const location = resolve(io.cwd ?? process.cwd(), directory);
  const client = clientFromOptions(io, values);
  const backup = openBackup(await new LocalBackupStore(location).load(location), location, {
    signingKey,
    warn: warnOnce(io),
    expected: { apiHost: apiHostOf(client), environment: values.environment, deployment: values.deployment },
  });
  writeLine(io.stdout, backupVerifiedText(backup, signingKey !== undefined));
  writeLine(io.stdout, `Target: ${describeBinding(backup.manifest)}.`);
  return { backup, location, client };
}

/**
 * The restore (when anything differs), proven; then the versions table and the webhooks. The
 * exit code: 0 restored (or nothing to restore), 5 the restore or the versions table did not finish.
 */
async function restoreAndTell(
  io: CliIo,
  how: {
    manual: ManualRestore;
    location: string;
    news: RollbackNews;
    actor: string;
    context: Omit<ApplyContext, 'phase'>;
    settleMs: number;
  },
): Promise<number> {
  const { manual, location, context } = how;
  const report = manual.changes ? await restoreManually(manual, context, how.settleMs) : undefined;
  if (report) for (const line of restoreLines(report)) writeLine(io.stdout, line);
  if (report && !report.restored) {
    writeLine(io.stdout, `The restore did not finish; the backup is at ${location}.`);
    return EXIT_CODES['rollback-failed'];
  }
  if (report) await recordRestored(location);
  if (!(await tellCliRestored(io, how.news, { manual, actor: how.actor, context })))
    return EXIT_CODES['rollback-failed'];
  if (report) writeLine(io.stdout, 'Restored: the live tables equal the backup.');
  return 0;
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

/** Prints what the restore would do. */
function showPreview(io: CliIo, manual: ManualRestore): void {
  for (const table of previewTables(manual.preview)) writeLine(io.stdout, `  ${describeTablePreview(table)}`);
  for (const note of previewNotes(manual.preview)) writeLine(io.stdout, `  ${note}`);
  if (!manual.changes) writeLine(io.stdout, 'The live tables already equal the backup.');
}
