import { describeError } from '../errors.js';
import type { LiveTable } from '../plan/snapshot.js';
import type { TablePlan } from '../plan/types.js';
import { applyTables } from './apply.js';
import { DeployFailure } from './failure.js';
import { runHealthChecks, type HealthReport } from './health/run.js';
import type { DeployOptions, DeployRun, RunContext } from './pipeline.js';
import { settleWritten, type WrittenTable } from './read-back.js';
import { DEFAULT_SETTLE_MS, SettleAborted } from './settle.js';
import { verifyTables } from './verify.js';
import { writeMarkers, type MarkerStamp } from './versions-table.js';

/** The steps of a deploy between its backup and its end: apply, verify, markers, health checks. */

/** Apply → verify → versions markers → health checks; throws a {@link DeployFailure} at the first that fails. */
export async function applyAndCheck(
  run: DeployRun,
  options: DeployOptions,
  context: RunContext,
  progress: { operations: number; health?: HealthReport },
): Promise<void> {
  const { plan, stamp, versions, logger } = { ...run, logger: options.logger };
  // The version is named only where something keeps it (a managed column, the versions table).
  logger.info(run.versioned ? `▶ apply (deploy version ${stamp.version})` : '▶ apply');
  const applied = await applyTables(plan.tables, run.live, { ...context, phase: 'deploy', stamp });
  progress.operations = applied.operations;

  const after = await verifyApplied(run, applied.tableIds, options);
  if (versions) {
    logger.info(`▶ versions table: marking the deployed tables in ${versions.name}`);
    // The rows as the verify read them back (defaults filled by the service): what readers read.
    const tables = plan.tables.map((table, index) => ({
      name: table.name,
      rows: after[index]?.rows ?? null,
    }));
    const marker: MarkerStamp = {
      version: stamp.version,
      deployId: run.deployId,
      deployedAt: new Date(options.clock.now()).toISOString(),
      gitSha: options.gitSha,
    };
    progress.operations += await writeMarkers(versions, tables, marker, { ...context, phase: 'deploy' });
  }

  if (options.health) {
    logger.info('▶ health checks');
    progress.health = await runHealthChecks(
      options.health,
      {
        deploy: {
          version: stamp.version,
          digest: plan.digest,
          environment: plan.environment ?? '',
          actor: options.actor,
        },
        env: options.env ?? process.env,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      },
      { clock: options.clock, logger, signal: options.signal },
    );
    if (!progress.health.passed)
      throw new DeployFailure(
        options.signal?.aborted ? 'interrupted' : 'health',
        progress.health.reason ?? 'the health checks failed',
      );
  }
}

/**
 * Reads back what the apply wrote until it matches the plan or the settle window is over
 * (reads lag writes on the real service). A read that keeps failing fails the verify, not the
 * apply. Returns the tables as read back: the guard's read with the written rows as they read now.
 */
async function verifyApplied(
  run: DeployRun,
  tableIds: ReadonlyMap<string, string>,
  options: DeployOptions,
): Promise<Array<LiveTable | null>> {
  options.logger.info('▶ verify: reading back the rows written');
  const written = run.plan.tables.map((table, index) =>
    writtenOf(table, run.live[index] ?? null, tableIds.get(table.name)),
  );
  const settled = await settleWritten(
    options.tables,
    written,
    (after) => verifyTables(run.plan.tables, after, run.stamp),
    {
      clock: options.clock,
      logger: options.logger,
      windowMs: settleMsOf(options),
      what: 'verify',
      signal: options.signal,
    },
  ).catch((error: unknown) => {
    if (error instanceof SettleAborted) throw new DeployFailure('interrupted', error.message);
    throw new DeployFailure('verify', `The tables could not be read back: ${describeError(error)}`);
  });
  const mismatches = settled.differences;
  if (mismatches.length > 0) {
    throw new DeployFailure(
      'verify',
      `The tables read back differ from the plan in ${mismatches.length} place(s) after ${Math.round(settled.elapsedMs / 1000)} s of reading.`,
      mismatches.slice(0, 20).map((item) => item.message),
    );
  }
  options.logger.info('verified: every written row reads back as planned');
  return settled.value;
}

/** A table plan as written: its rows created, updated and deleted, and the count it should have. */
function writtenOf(table: TablePlan, before: LiveTable | null, id: string | undefined): WrittenTable {
  return {
    name: table.name,
    id,
    before,
    keys: [...table.creates, ...table.updates, ...table.deletes].map((item) => item.key),
    expectedRows: table.liveRowCount + table.creates.length - table.deletes.length,
    definitionChanged: table.schemaChanges.length > 0,
  };
}

export const settleMsOf = (options: { settleMs?: number | undefined }): number =>
  options.settleMs ?? DEFAULT_SETTLE_MS;
