import { DefaultArtifactClient } from '@actions/artifact';
import { systemClock } from '../clock.js';
import { parseBackup } from '../deploy/backup.js';
import { MemoryJournal } from '../deploy/journal.js';
import { restoreBackup, restorePlans } from '../deploy/restore.js';
import { BackupError } from '../errors.js';
import { readTables } from '../plan/snapshot.js';
import { ArtifactBackupStore } from './artifact-store.js';
import type { ModeContext, ModeOutcome } from './context.js';
import { otherDeployInProgress } from './lock.js';

/**
 * Manual rollback (workflow_dispatch): download the backup artifact of the named run (or the
 * named artifact), verify its checksums, show the restore plan, restore and prove it.
 */
export async function runRollbackMode(context: ModeContext): Promise<ModeOutcome> {
  const { settings, run } = context;
  const busy = await otherDeployInProgress(context);
  if (busy) return { result: 'refused', outputs: {}, failure: busy };
  const findBy =
    settings.backupRunId !== undefined
      ? {
          token: run.token,
          workflowRunId: settings.backupRunId,
          repositoryOwner: run.repo.owner,
          repositoryName: run.repo.repo,
        }
      : undefined;
  const store = new ArtifactBackupStore({ source: findBy ? { findBy } : {} });
  const id = await backupArtifactId(context, findBy);
  const location = String(id);
  const backup = parseBackup(await store.load(location), `artifact ${location}`);
  context.io.info(
    `Backup of ${backup.manifest.createdAt} (plan ${backup.manifest.planDigest ?? 'unknown'}): checksums verified.`,
  );
  const client = context.genesys();
  const live = await readTables(
    client.tables,
    backup.tables.map((table) => ({ id: table.id })),
  );
  const preview = restorePlans(backup.tables, live, settings.connection.rateLimitPerMinute);
  const lines = [
    '### ↩️ Restore',
    '',
    `Backup artifact ${location} from ${backup.manifest.createdAt}.`,
    '',
    '| table | rows put back | reverted | removed |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const plan of preview)
    lines.push(
      `| \`${plan.name}\` | ${plan.creates.length} | ${plan.updates.length} | ${plan.deletes.length} |`,
    );
  const report = await restoreBackup(
    backup,
    { tables: client.tables, journal: new MemoryJournal(), logger: context.io, clock: systemClock },
    settings.connection.rateLimitPerMinute,
  );
  lines.push(
    '',
    report.restored
      ? '✅ The live tables equal the backup again.'
      : `❌ The restore did not finish:\n${report.remaining.map((item) => `- ${item}`).join('\n')}`,
  );
  await context.io.summary(lines.join('\n'));
  return report.restored
    ? { result: 'applied', outputs: { 'backup-artifact-id': location } }
    : {
        result: 'failed',
        outputs: { 'backup-artifact-id': location },
        failure: 'The restore did not finish; see the job summary.',
      };
}

async function backupArtifactId(
  context: ModeContext,
  findBy:
    { token: string; workflowRunId: number; repositoryOwner: string; repositoryName: string } | undefined,
): Promise<number> {
  const named = context.settings.backupArtifact;
  if (named && /^\d+$/.test(named)) return Number(named);
  const client = new DefaultArtifactClient();
  const { artifacts } = await client.listArtifacts({ latest: true, ...(findBy ? { findBy } : {}) });
  const prefix = `datatable-backup-${context.settings.deployment}-`;
  const candidates = artifacts
    .filter((artifact) => (named ? artifact.name === named : artifact.name.startsWith(prefix)))
    .sort((a, b) => b.id - a.id);
  if (candidates.length === 0) {
    throw new BackupError(
      `No backup artifact ${named ? `named ${named}` : `for deployment "${context.settings.deployment}"`} in run ${context.settings.backupRunId ?? 'this run'}.`,
      'Give the run id of a deploy run (its summary names the backup artifact), and make sure the workflow has "actions: read".',
    );
  }
  return candidates[0]!.id;
}
