import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ConfigurationError, describeError, RefusedError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { RetryPolicy } from '../genesys/retry.js';
import type { Logger } from '../logger.js';
import type { LiveTable } from '../plan/snapshot.js';
import type { Plan } from '../plan/types.js';
import type { ApplyContext, Stamp } from './apply.js';
import { backupFiles, type BackupStore } from './backup.js';
import { DeployFailure, type FailurePhase } from './failure.js';
import type { HealthReport } from './health/run.js';
import type { HealthSpec } from './health/spec.js';
import { CreatedTablesRecorder, type Journal } from './journal.js';
import type { RestoreReport } from './restore.js';
import { guardPlan, type PlanRead } from './guard.js';
import { rollBack } from './rollback-step.js';
import { applyAndCheck } from './pipeline-steps.js';
import { tellDeployed } from './pipeline-news.js';
import { highestMarked, refuseConfiguredVersionsTable, type VersionsTable } from './versions-table.js';
import type { WebhookResult } from './webhook.js';

/**
 * How a deploy ended. `refused`: the stale-plan guard stopped it before any write;
 * `rolled-back`: it failed after its backup and the restore is proven; `rollback-failed`: the
 * restore did not finish. Each face maps these to its own terms (the CLI's exit codes, the
 * action's `result`); the words both use are in outcome.ts.
 */
export type DeployOutcome = 'no-changes' | 'applied' | 'refused' | 'rolled-back' | 'rollback-failed';

export interface DeployOptions {
  plan: Plan;
  tables: DataTablesApi;
  backups: BackupStore;
  /** Name of the backup (a directory name, an artifact name). */
  backupName: string;
  journal: Journal;
  logger: Logger;
  clock: Clock;
  /** Who deploys: written to the actor column and sent to webhooks. */
  actor: string;
  signal?: AbortSignal | undefined;
  health?: HealthSpec | undefined;
  env?: NodeJS.ProcessEnv;
  webhooks?: { urls: string[]; secret: string } | undefined;
  gitSha?: string | undefined;
  /** The rate budget, for restore predictions. */
  ratePerMinute?: number;
  fetch?: typeof fetch;
  progressIntervalMs?: number;
  /** Retry timing of webhook deliveries (tests shrink it). */
  webhookRetry?: Partial<RetryPolicy>;
  /** Signs the backup's manifest (HMAC, see plan/signing.ts) when given. */
  signingKey?: string | undefined;
  /**
   * How long read-backs may lag behind the writes before a difference counts, and how long a
   * write whose answer was lost may still land (default 60 s, see settle.ts).
   */
  settleMs?: number | undefined;
  /** Called once the backup is stored, before the first write (a durable record of the deploy). */
  onBackedUp?: ((location: string) => Promise<void>) | undefined;
  /**
   * Name of the versions table to maintain (see versions-table.ts); none when unset (opt-in).
   */
  versionsTable?: string | undefined;
  /** Identifies this deploy run in the versions table and the webhook event (default: a new uuid). */
  deployId?: string | undefined;
  /**
   * The plan's own read of the live tables, when the plan was computed in this run: it is the
   * stale-plan guard and the backup, and the tables are not read again (see guard.ts).
   */
  planRead?: PlanRead | undefined;
}

export interface DeployResult {
  outcome: DeployOutcome;
  /** The deploy's number, written to `version` columns and sent to webhooks. */
  version?: number | undefined;
  /**
   * Whether anything keeps the version: a managed version column of a deployed table, or the
   * versions table. Without either it restarts at 1 on every deploy and means nothing.
   */
  versioned?: boolean | undefined;
  /** This deploy run's id (versions table, webhook event). */
  deployId?: string | undefined;
  /** Where the backup was stored. */
  backup?: string | undefined;
  operations: number;
  failure?: { phase: FailurePhase; message: string; details: string[] } | undefined;
  /** Why a `refused` deploy was refused, and what to do (face-neutral). */
  refusal?: { message: string; fix?: string | undefined } | undefined;
  restore?: RestoreReport | undefined;
  health?: HealthReport | undefined;
  webhooks?: WebhookResult[] | undefined;
}

/**
 * The deploy pipeline over one plan: stale-plan guard → backup → apply → verify → health
 * checks → (on any failure after the backup) restore → webhooks. A stale plan ends `refused`
 * before any write. Each table is read once: the guard's read (or the plan's own, see
 * {@link PlanRead}) is the backup, and the verify reads back only what was written.
 */
export async function runDeploy(options: DeployOptions): Promise<DeployResult> {
  const { plan, logger } = options;
  if (options.versionsTable) refuseConfiguredVersionsTable(plan, options.versionsTable);
  if (plan.verdict === 'blocked') {
    throw new ConfigurationError(
      'The plan is blocked: Genesys would refuse part of it.',
      'Plan again to see which change Genesys would refuse, and fix the config.',
    );
  }
  if (plan.verdict === 'no-changes') {
    logger.info('No changes: the live tables already match the config.');
    return { outcome: 'no-changes', operations: 0 };
  }

  const guarded = await guardPlan(plan, options).catch((error: unknown) => {
    if (error instanceof RefusedError) return error;
    throw error;
  });
  if (guarded instanceof RefusedError)
    return { outcome: 'refused', operations: 0, refusal: { message: guarded.message, fix: guarded.hint } };
  const run = startRun(plan, guarded, options);
  const { files, backup } = await backUp(run, options);

  // The rollback below may delete only the tables this deploy created: the journal says which.
  const journal = new CreatedTablesRecorder(options.journal);
  const context = {
    tables: options.tables,
    journal,
    logger,
    clock: options.clock,
    signal: options.signal,
    progressIntervalMs: options.progressIntervalMs,
  };
  const progress: { operations: number; health?: HealthReport } = { operations: 0 };
  try {
    await applyAndCheck(run, options, context, progress);
  } catch (error) {
    const failure =
      error instanceof DeployFailure
        ? error
        : new DeployFailure(options.signal?.aborted ? 'interrupted' : 'apply', describeError(error));
    return rollBack(run, failure, { options, context, journal, files, backup, ...progress });
  }
  const { version } = run.stamp;
  const webhooks = await tellDeployed(options, { plan, version, deployId: run.deployId });
  return { outcome: 'applied', ...runFacts(run), backup, ...progress, webhooks };
}

/** The run once the guard has passed: its version, above every version anything keeps, and its id. */
function startRun(
  plan: Plan,
  guarded: Awaited<ReturnType<typeof guardPlan>>,
  options: DeployOptions,
): DeployRun {
  const { live, versions } = guarded;
  const version = Math.max(nextVersion(plan, live), highestMarked(versions?.live ?? null) + 1);
  const versioned = versions !== undefined || plan.tables.some((table) => table.managed.version);
  const deployId = options.deployId ?? randomUUID();
  return { plan, live, versions, stamp: { version, actor: options.actor }, deployId, versioned };
}

/** The facts of a run every result past the guard carries. */
export const runFacts = (run: DeployRun) => ({
  version: run.stamp.version,
  versioned: run.versioned,
  deployId: run.deployId,
});

/** Stores the backup (the guard's read) before the first write; returns its files and location. */
async function backUp(run: DeployRun, options: DeployOptions) {
  const { live } = run;
  options.logger.info('▶ backup');
  const files = backupFilesOf(run.plan, live, options);
  const backup = await options.backups.save(options.backupName, files);
  const rows = live.reduce((sum, table) => sum + (table?.rows.length ?? 0), 0);
  options.logger.info(`backed up ${live.filter(Boolean).length} table(s), ${rows} rows, to ${backup}`);
  await options.onBackedUp?.(backup);
  return { files, backup };
}

/** What a deploy run knows once its guard has passed. */
export interface DeployRun {
  plan: Plan;
  /** The live tables as the guard read them (in plan order): the backup. */
  live: Array<LiveTable | null>;
  versions: VersionsTable | undefined;
  stamp: Stamp;
  deployId: string;
  /** Whether a managed version column or the versions table keeps the version. */
  versioned: boolean;
}

export type RunContext = Omit<ApplyContext, 'phase' | 'stamp'> & { journal: CreatedTablesRecorder };

export { settleMsOf } from './pipeline-steps.js';

/**
 * The backup of the live tables as read by the stale-plan guard, bound to the plan's org,
 * environment and deployment, and signed when a key is given.
 */
function backupFilesOf(plan: Plan, live: ReadonlyArray<LiveTable | null>, options: DeployOptions) {
  return backupFiles(
    {
      manifest: {
        createdAt: new Date(options.clock.now()).toISOString(),
        apiHost: plan.apiHost,
        environment: plan.environment,
        deployment: plan.deployment,
        gitSha: options.gitSha,
        planDigest: plan.digest,
      },
      tables: plan.tables.map((table, index) => {
        const current = live[index];
        if (!current) return { name: table.name, existed: false as const };
        return {
          id: current.id,
          name: current.name,
          description: current.description,
          division: current.divisionRef,
          schema: current.schema,
          rows: current.rows,
        };
      }),
    },
    options.signingKey,
  );
}

/** One more than the highest version in any managed version column of the plan's tables. */
function nextVersion(plan: Plan, live: ReadonlyArray<LiveTable | null>): number {
  let highest = 0;
  plan.tables.forEach((table, index) => {
    const column = table.managed.version;
    if (!column) return;
    for (const row of live[index]?.rows ?? []) {
      const value = Number(row[column]);
      if (Number.isFinite(value) && value > highest) highest = value;
    }
  });
  return highest + 1;
}
