import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { ConfigurationError, describeError, RefusedError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { RetryPolicy } from '../genesys/retry.js';
import type { Logger } from '../logger.js';
import { readTables, type LiveTable } from '../plan/snapshot.js';
import type { Plan } from '../plan/types.js';
import { applyTables, type Stamp } from './apply.js';
import { backupFiles, type BackupStore } from './backup.js';
import { DeployFailure, type FailurePhase } from './failure.js';
import { runHealthChecks, type HealthReport } from './health/run.js';
import type { HealthSpec } from './health/spec.js';
import { CreatedTablesRecorder, type Journal } from './journal.js';
import type { RestoreReport } from './restore.js';
import { DEFAULT_SETTLE_MS, settle, SettleAborted } from './settle.js';
import { restoreSafely } from './rollback-step.js';
import { verifyTables } from './verify.js';
import { tellDeployed, tellRolledBack } from './pipeline-news.js';
import {
  checkVersionsTable,
  highestMarked,
  refuseConfiguredVersionsTable,
  writeMarkers,
  type MarkerStamp,
  type VersionsTable,
} from './versions-table.js';
import type { WebhookResult } from './webhook.js';

export type DeployOutcome = 'no-changes' | 'applied' | 'rolled-back' | 'failed';

/** Exit codes of the CLI, and the action's `result`, by outcome. */
export const EXIT_CODES = { 'no-changes': 0, applied: 0, refused: 3, 'rolled-back': 4, failed: 5 } as const;

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
}

export interface DeployResult {
  outcome: DeployOutcome;
  exitCode: number;
  /** The deploy's number, written to `version` columns and sent to webhooks. */
  version?: number | undefined;
  /** This deploy run's id (versions table, webhook event). */
  deployId?: string | undefined;
  /** Where the backup was stored. */
  backup?: string | undefined;
  operations: number;
  failure?: { phase: FailurePhase; message: string; details: string[] } | undefined;
  restore?: RestoreReport | undefined;
  health?: HealthReport | undefined;
  webhooks?: WebhookResult[] | undefined;
}

/**
 * The deploy pipeline over one plan: stale-plan guard → backup → apply → verify → health
 * checks → (on any failure after the backup) restore → webhooks. Refuses with
 * {@link RefusedError} before any write when the live tables no longer match the plan.
 */
export async function runDeploy(options: DeployOptions): Promise<DeployResult> {
  const { plan, logger } = options;
  if (options.versionsTable) refuseConfiguredVersionsTable(plan, options.versionsTable);
  if (plan.verdict === 'blocked') {
    throw new ConfigurationError(
      'The plan is blocked: Genesys would refuse part of it.',
      'Run "datatable-deploy plan" to see why, and fix the config.',
    );
  }
  if (plan.verdict === 'no-changes') {
    logger.info('No changes: the live tables already match the config.');
    return { outcome: 'no-changes', exitCode: 0, operations: 0 };
  }

  logger.info('▶ stale-plan guard: reading the live tables again');
  const refs = plan.tables.map((table) => (table.id ? { id: table.id } : { name: table.name }));
  // The versions table is read with them (one listing), for its columns and highest version.
  const read = await readTables(options.tables, [
    ...refs,
    ...(options.versionsTable ? [{ name: options.versionsTable }] : []),
  ]);
  const live = read.slice(0, refs.length);
  const versions: VersionsTable | undefined = options.versionsTable
    ? { name: options.versionsTable, live: read[refs.length] ?? null }
    : undefined;
  const stale = plan.tables
    .filter((table, index) => (live[index]?.fingerprint ?? null) !== table.liveFingerprint)
    .map((table) => table.name);
  if (stale.length > 0) {
    throw new RefusedError(
      `The plan is stale: ${stale.join(', ')} changed since it was computed (${plan.digest.slice(0, 19)}…). Nothing was written.`,
      'Plan again against the live tables (and have the new plan approved), then deploy that plan.',
    );
  }
  if (versions) checkVersionsTable(versions);
  const version = Math.max(nextVersion(plan, live), highestMarked(versions?.live ?? null) + 1);
  const stamp: Stamp = { version, actor: options.actor };
  const deployId = options.deployId ?? randomUUID();
  const marker = (at: number): MarkerStamp => ({
    version: at,
    deployId,
    deployedAt: new Date(options.clock.now()).toISOString(),
    gitSha: options.gitSha,
  });

  logger.info('▶ backup');
  const files = backupFilesOf(plan, live, options);
  const backup = await options.backups.save(options.backupName, files);
  logger.info(
    `backed up ${live.filter(Boolean).length} table(s), ${live.reduce((sum, table) => sum + (table?.rows.length ?? 0), 0)} rows, to ${backup}`,
  );
  await options.onBackedUp?.(backup);

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
  let operations = 0;
  let health: HealthReport | undefined;
  try {
    logger.info(`▶ apply (deploy version ${version})`);
    const applied = await applyTables(plan.tables, live, { ...context, phase: 'deploy', stamp });
    operations = applied.operations;

    logger.info('▶ verify: reading the tables back');
    // Reads lag writes on the real service: read again (with backoff) until the tables match or
    // the settle window is over. A read that keeps failing fails the verify, not the apply.
    const ids = plan.tables.map((table) => ({ id: applied.tableIds.get(table.name) }));
    const settled = await settle(
      () => readTables(options.tables, ids),
      (after) => verifyTables(plan.tables, after, stamp),
      { clock: options.clock, logger, windowMs: settleMsOf(options), what: 'verify', signal: options.signal },
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
    logger.info('verified: every written row reads back as planned');

    if (versions) {
      logger.info(`▶ versions table: marking the deployed tables in ${versions.name}`);
      // The rows as the verify read them back (defaults filled by the service): what readers read.
      const tables = plan.tables.map((table, index) => ({
        name: table.name,
        rows: settled.value[index]?.rows ?? null,
      }));
      operations += await writeMarkers(versions, tables, marker(version), { ...context, phase: 'deploy' });
    }

    if (options.health) {
      logger.info('▶ health checks');
      health = await runHealthChecks(
        options.health,
        {
          deploy: { version, digest: plan.digest, environment: plan.environment ?? '', actor: options.actor },
          env: options.env ?? process.env,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        },
        { clock: options.clock, logger, signal: options.signal },
      );
      if (!health.passed)
        throw new DeployFailure(
          options.signal?.aborted ? 'interrupted' : 'health',
          health.reason ?? 'the health checks failed',
        );
    }
  } catch (error) {
    const failure =
      error instanceof DeployFailure
        ? error
        : new DeployFailure(options.signal?.aborted ? 'interrupted' : 'apply', describeError(error));
    logger.warn(`deploy failed (${failure.phase}): ${failure.message}`);
    for (const detail of failure.details) logger.warn(`  ${detail}`);
    logger.info(`▶ rollback: restoring the backup ${backup}`);
    const restore = await restoreSafely(files, backup, {
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
    const outcome: DeployOutcome = restore.restored ? 'rolled-back' : 'failed';
    if (restore.restored)
      logger.info(`rolled back: the live tables equal the backup again (${restore.operations} operations)`);
    else
      logger.warn(
        `the rollback did not finish; still different:\n  ${restore.remaining.map((item) => item.message).join('\n  ')}\nThe backup is at ${backup}.`,
      );
    return {
      outcome,
      exitCode: EXIT_CODES[outcome],
      version,
      deployId,
      backup,
      operations,
      failure: { phase: failure.phase, message: failure.message, details: failure.details },
      restore,
      health,
      webhooks: news.webhooks,
    };
  }

  const webhooks = await tellDeployed(options, { plan, version, deployId });
  return { outcome: 'applied', exitCode: 0, version, deployId, backup, operations, health, webhooks };
}

export const settleMsOf = (options: { settleMs?: number | undefined }): number =>
  options.settleMs ?? DEFAULT_SETTLE_MS;

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
