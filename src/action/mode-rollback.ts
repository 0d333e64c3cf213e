import { restoreDifferencesMarkdown } from '../deploy/differences.js';
import { systemClock } from '../clock.js';
import type { Backup } from '../deploy/backup.js';
import {
  createdTablesOf,
  JOURNAL_FILE,
  MemoryJournal,
  parseJournal,
  type CreatedTables,
} from '../deploy/journal.js';
import type { RestoreReport } from '../deploy/restore.js';
import type { RestoreNews } from '../deploy/restore-news.js';
import {
  backupVerifiedText,
  openBackup,
  previewManualRestore,
  previewNotes,
  previewTables,
  restoreManually,
  tellManuallyRestored,
  type ManualRestore,
} from '../deploy/restore-preview.js';
import { redactUrl } from '../genesys/regions.js';
import { BackupError, describeError } from '../errors.js';
import { apiHostOf } from '../plan/plan-configs.js';
import { describeBinding } from '../plan/plan-file.js';
import { ArtifactBackupStore } from './artifact-store.js';
import type { ModeContext, ModeOutcome } from './context.js';
import { otherDeployInProgress } from './lock.js';
import { settleUnfinished, unfinishedDeploys } from './unfinished.js';
import { policyForAction } from './policy-source.js';
import { judgeWindow } from '../policy/window-gate.js';
import type { EnvironmentPolicy } from '../policy/policy.js';

/**
 * Manual rollback (workflow_dispatch): download the backup artifact of the named run (or the
 * named artifact), verify its checksums, show the restore plan, restore and prove it.
 */
export async function runRollbackMode(context: ModeContext): Promise<ModeOutcome> {
  const { settings, run } = context;
  const source = await policyForAction(context, { bases: [], head: run.defaultBranch ?? run.sha });
  const busy = await otherDeployInProgress(context);
  if (busy) return { result: 'refused', outputs: {}, failure: busy };
  const client = context.genesys();
  const { backup: loaded, location, store, journal } = await loadBackup(context, apiHostOf(client));
  const refusal = restoreWindowRefusal(
    context,
    source.of(settings.environment ?? loaded.manifest.environment),
  );
  if (refusal) {
    await context.io.summary(`### ⛔ Restore refused\n\n${refusal}`);
    return { result: 'refused', outputs: {}, failure: refusal };
  }
  const manual = await previewManualRestore(loaded, {
    tables: client.tables,
    versionsTable: settings.versionsTable,
    createdTables: await createdTablesFromJournal(context, store, journal),
    rate: settings.connection.rateLimitPerMinute,
    clock: systemClock,
    note: (note) => context.io.info(note),
  });
  const restoreContext = {
    tables: client.tables,
    journal: new MemoryJournal(),
    logger: context.io,
    clock: systemClock,
  };
  const report = await restoreManually(manual, restoreContext, settings.settleMs);
  const news = report.restored
    ? await tellManuallyRestored(manual, {
        versionsTable: settings.versionsTable,
        webhooks: settings.webhookUrls.length
          ? { urls: settings.webhookUrls, secret: settings.webhookSecret ?? '' }
          : undefined,
        actor: run.triggeringActor,
        context: restoreContext,
      })
    : {};
  if (news.problem) {
    report.restored = false;
    report.remaining.push({ table: settings.versionsTable ?? '', message: news.problem });
  }
  await context.io.summary(restoreSummary(location, manual, report) + newsSummary(news));
  if (report.restored) await settleRestoredDeploy(context, manual.backup, location);
  const outputs = { 'backup-artifact-id': location };
  return report.restored
    ? { result: 'applied', outputs }
    : { result: 'failed', outputs, failure: 'The restore did not finish; see the job summary.' };
}

/**
 * The backup artifact named by the inputs (from this run or another), checked whole: checksums,
 * signature when a key is set, and its binding to this org, environment and deployment.
 */
async function loadBackup(context: ModeContext, apiHost: string) {
  const { settings, run } = context;
  const findBy =
    settings.backupRunId !== undefined
      ? {
          token: run.token,
          workflowRunId: settings.backupRunId,
          repositoryOwner: run.repo.owner,
          repositoryName: run.repo.repo,
        }
      : undefined;
  const store = new ArtifactBackupStore(context.artifacts, { source: findBy ? { findBy } : {} });
  const artifacts = await findArtifacts(context, findBy);
  const location = String(artifacts.backup);
  const backup = openBackup(await store.load(location), `artifact ${location}`, {
    signingKey: settings.signingKey,
    warn: (message) => context.io.warn(message),
    expected: { apiHost, environment: settings.environment, deployment: settings.deployment },
  });
  context.io.info(
    `${backupVerifiedText(backup, Boolean(settings.signingKey))} Target: ${describeBinding(backup.manifest)}.`,
  );
  return { backup, location, store, journal: artifacts.journal };
}

/** The summary's lines on the versions table and the webhooks (none without a versions table). */
function newsSummary(news: RestoreNews): string {
  const lines = Object.entries(news.versions ?? {}).map(
    ([table, version]) => `- \`${table}\`: version ${version} in the versions table`,
  );
  for (const webhook of news.webhooks ?? [])
    lines.push(
      `- webhook ${redactUrl(webhook.url)}: ${webhook.ok ? 'delivered' : `⚠️ failed (${webhook.error}); the restore stands`}`,
    );
  return lines.length > 0 ? `\n\n${lines.join('\n')}` : '';
}

function restoreSummary(location: string, manual: ManualRestore, report: RestoreReport): string {
  const { backup, preview } = manual;
  return [
    '### ↩️ Restore',
    '',
    `Backup artifact ${location} from ${backup.manifest.createdAt} (${describeBinding(backup.manifest)}).`,
    '',
    '| table | rows put back | reverted | removed |',
    '| --- | ---: | ---: | ---: |',
    ...previewTables(preview).map(
      (table) => `| \`${table.name}\` | ${table.putBack} | ${table.revert} | ${table.remove} |`,
    ),
    ...previewNotes(preview).map((note) => `- ${note}`),
    '',
    report.restored ? '✅ The live tables equal the backup again.' : '❌ The restore did not finish.',
    ...(report.restored ? [] : ['', ...restoreDifferencesMarkdown(report)]),
  ].join('\n');
}

/**
 * The deploy this backup was made for, if its run never finished, is dealt with now: its
 * commit's deploy status stops saying "Deploying" so that later runs stop reporting it.
 */
async function settleRestoredDeploy(context: ModeContext, backup: Backup, location: string): Promise<void> {
  const { gitSha } = backup.manifest;
  if (!gitSha) return;
  const [unfinished] = await unfinishedDeploys(context, [gitSha]);
  if (unfinished && unfinished.backupArtifact === location)
    await settleUnfinished(
      context,
      unfinished,
      `Unfinished; its backup was restored by run ${context.run.runId}`,
    );
}

/**
 * A manual restore is a change like any other: it keeps to the windows of the policy on the
 * default branch for the backup's environment, whichever branch the run was started from. (The
 * rollback a failing deploy starts is never held back.) Why not now, else undefined.
 */
function restoreWindowRefusal(context: ModeContext, policy: EnvironmentPolicy): string | undefined {
  const window = judgeWindow(policy, new Date(), {
    reason: context.settings.emergencyReason,
    grantors: [context.run.triggeringActor],
  });
  if (window.override)
    context.io.warn(
      `Emergency override of the change window by ${window.override.grantedBy.join(', ')}: ${window.override.reason}`,
    );
  return window.allowed ? undefined : window.refusal;
}

type FindBy = { token: string; workflowRunId: number; repositoryOwner: string; repositoryName: string };

/**
 * The backup artifact to restore, and the journal artifact of the same deploy (its
 * `datatable-journal-…` twin) when there is one: the only evidence of tables the deploy created.
 */
async function findArtifacts(
  context: ModeContext,
  findBy: FindBy | undefined,
): Promise<{ backup: number; journal?: number | undefined }> {
  const named = context.settings.backupArtifact;
  if (named && /^\d+$/.test(named)) return { backup: Number(named) };
  const client = await context.artifacts();
  const { artifacts } = await client.listArtifacts({ latest: true, ...(findBy ? { findBy } : {}) });
  // Exactly this deployment's: a prefix match would take shard "prod-eu" for "prod".
  const ours = new RegExp(`^datatable-backup-${escapeRegExp(context.settings.deployment)}-\\d+-\\d+$`);
  const candidates = artifacts
    .filter((artifact) => (named ? artifact.name === named : ours.test(artifact.name)))
    .sort((a, b) => b.id - a.id);
  if (candidates.length === 0) {
    throw new BackupError(
      `No backup artifact ${named ? `named ${named}` : `for deployment "${context.settings.deployment}"`} in run ${context.settings.backupRunId ?? 'this run'}.`,
      'Give the run id of a deploy run (its summary names the backup artifact), and make sure the workflow has "actions: read".',
    );
  }
  const backup = candidates[0]!;
  const journalName = backup.name.replace(/^datatable-backup-/, 'datatable-journal-');
  return { backup: backup.id, journal: artifacts.find((artifact) => artifact.name === journalName)?.id };
}

/** Tables the deploy's journal shows it created (name → id); none without a journal. */
async function createdTablesFromJournal(
  context: ModeContext,
  store: ArtifactBackupStore,
  journalId: number | undefined,
): Promise<CreatedTables> {
  const none = new Map<string, string>();
  if (journalId === undefined) return none;
  try {
    const files = await store.load(String(journalId));
    const text = files.get(JOURNAL_FILE)?.toString('utf8');
    return text ? createdTablesOf(parseJournal(text)) : none;
  } catch (error) {
    context.io.warn(
      `The deploy's journal could not be read (${describeError(error)}); tables it created are left in place.`,
    );
    return none;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
