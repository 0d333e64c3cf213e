import type { Clock } from '../clock.js';
import { describeError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { Logger } from '../logger.js';
import { readTables } from '../plan/snapshot.js';
import { parseBackup, type BackupFiles } from './backup.js';
import type { CreatedTables } from './journal.js';
import { restoreBackup, type RestoreReport } from './restore.js';
import { restoreDifferences } from './restore-plans.js';
import { DeployFailure } from './failure.js';
import type { HealthReport } from './health/run.js';
import { CreatedTablesRecorder } from './journal.js';
import { tellRolledBack } from './pipeline-news.js';
import {
  runFacts,
  type DeployOptions,
  type DeployOutcome,
  type DeployResult,
  type DeployRun,
  type RunContext,
} from './pipeline.js';
import { settleMsOf } from './pipeline-steps.js';
import type { Plan } from '../plan/types.js';

/**
 * A restore that reports, rather than throws, when it cannot finish. It starts only once
 * nothing of ours can still change the tables (see {@link waitForQuiet}).
 */
export async function restoreSafely(
  files: BackupFiles,
  location: string,
  options: {
    tables: DataTablesApi;
    clock: Clock;
    logger: Logger;
    settleMs: number;
    signingKey?: string | undefined;
    ratePerMinute?: number | undefined;
    context: Parameters<typeof restoreBackup>[1];
    createdTables: CreatedTables;
    touched?: ReadonlyMap<string, ReadonlySet<string>>;
  },
): Promise<RestoreReport> {
  const { context, createdTables } = options;
  const unfinished = (message: string): RestoreReport => ({
    restored: false,
    tables: [],
    remaining: [{ table: '', message }],
    failures: [message],
    leftInPlace: [],
    operations: 0,
  });
  try {
    const backup = parseBackup(files, location, { signingKey: options.signingKey });
    const running = await waitForQuiet(options.tables, options.settleMs, options.clock, options.logger);
    if (running.length > 0) {
      const report = unfinished(
        `the restore was not started, so that ${running.join(', ')} (still running) cannot undo it; restore the backup once the job has ended`,
      );
      // Still say exactly what differs from the backup now.
      const live = await readTables(
        options.tables,
        backup.tables.map((table) => ({ id: table.id })),
      );
      report.remaining.push(...restoreDifferences(backup, live, options.ratePerMinute ?? 300));
      return report;
    }
    // Restoring must not stop at the interruption that caused it.
    return await restoreBackup(backup, { ...context, signal: undefined }, options.ratePerMinute, {
      createdTables,
      settleMs: options.settleMs,
      touched: options.touched,
    });
  } catch (error) {
    return unfinished(`the restore itself failed: ${describeError(error)}`);
  }
}

/**
 * Before a restore: no request of ours in flight, no import job of ours running (each is polled
 * to its end, within the job time limit), and no write whose answer was lost able to land any
 * more (the service applies a request even when its client gave up, so such a write could undo
 * the restore: wait the settle window from when it was given up). Returns jobs still running.
 */
async function waitForQuiet(
  tables: DataTablesApi,
  settleMs: number,
  clock: Clock,
  logger: Logger,
): Promise<string[]> {
  await tables.idle();
  if (tables.inDoubt().jobs.length > 0) {
    logger.info('waiting for the import jobs of this deploy to end before restoring');
    const running = await tables.finishJobs(settleMs);
    if (running.length > 0) return running;
  }
  const { writes } = tables.inDoubt();
  if (writes.lastAt !== undefined) {
    const wait = writes.lastAt + settleMs - clock.now();
    if (wait > 0) {
      logger.info(
        `${writes.count} write(s) of this deploy got no answer and may still land; waiting ${Math.ceil(wait / 1000)} s before restoring`,
      );
      await clock.sleep(wait);
    }
  }
  return [];
}

/** After a failure past the backup: restore it, mark the restored tables, and report. */
export async function rollBack(
  run: DeployRun,
  failure: DeployFailure,
  how: {
    options: DeployOptions;
    context: RunContext;
    journal: CreatedTablesRecorder;
    files: BackupFiles;
    backup: string;
    operations: number;
    health?: HealthReport | undefined;
  },
): Promise<DeployResult> {
  const { options, context, journal, backup } = how;
  const { logger } = options;
  const { plan, deployId } = run;
  const version = run.stamp.version;
  logger.warn(`deploy failed (${failure.phase}): ${failure.message}`);
  for (const detail of failure.details) logger.warn(`  ${detail}`);
  logger.info(`▶ rollback: restoring the backup ${backup}`);
  const restore = await restoreSafely(how.files, backup, {
    ...options,
    settleMs: settleMsOf(options),
    context,
    createdTables: journal.created,
    touched: touchedKeys(plan, journal),
  });
  const news = restore.restored
    ? await tellRolledBack(options, { plan, version, deployId, context, created: journal.created })
    : {};
  if (news.problem) {
    restore.restored = false;
    restore.remaining.push({ table: options.versionsTable ?? '', message: news.problem });
  }
  const outcome: DeployOutcome = restore.restored ? 'rolled-back' : 'rollback-failed';
  if (restore.restored)
    logger.info(`rolled back: the live tables equal the backup again (${restore.operations} operations)`);
  else
    logger.warn(
      `the rollback did not finish; still different:\n  ${restore.remaining.map((item) => item.message).join('\n  ')}\nThe backup is at ${backup}.`,
    );
  return {
    outcome,
    ...runFacts(run),
    backup,
    operations: how.operations,
    failure: { phase: failure.phase, message: failure.message, details: failure.details },
    restore,
    health: how.health,
    webhooks: news.webhooks,
  };
}

/**
 * The rows the deploy wrote or may have written: the keys it started a write for, and every
 * upserted key of a table it started an import job on (the job's rows are not journaled one by one).
 */
function touchedKeys(plan: Plan, journal: CreatedTablesRecorder): Map<string, Set<string>> {
  const touched = new Map<string, Set<string>>();
  for (const table of plan.tables) {
    const keys = new Set(journal.touched.get(table.name) ?? []);
    if (journal.imported.has(table.name))
      for (const item of [...table.creates, ...table.updates]) keys.add(item.key);
    if (keys.size > 0) touched.set(table.name, keys);
  }
  return touched;
}
