import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../clock.js';
import type { PlanRead } from '../deploy/guard.js';
import { loadHealthChecks } from '../deploy/health/load.js';
import type { HealthSpec } from '../deploy/health/spec.js';
import { FileJournal } from '../deploy/journal.js';
import { deployStatusText } from '../deploy/outcome.js';
import { runDeploy, type DeployOptions, type DeployResult } from '../deploy/pipeline.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import type { Plan } from '../plan/types.js';
import { ArtifactBackupStore } from './artifact-store.js';
import { setDeployStatus } from './approval.js';
import type { ModeContext, ModeOutcome } from './context.js';
import { checkOrigin, clearDeploy, mergedPullRequest, policyBases, type Clearance } from './deploy-gate.js';
import {
  auditRecord,
  backupArtifactName,
  deploySummary,
  failureOf,
  journalArtifactName,
  resultOf,
  uploadJournal,
} from './deploy-record.js';
import { otherDeployInProgress } from './lock.js';
import {
  deployingText,
  settleUnfinished,
  unfinishedAdvice,
  unfinishedDeploys,
  type UnfinishedDeploy,
} from './unfinished.js';
import { INVALID_CONFIG, planForAction, planOutputs } from './planning.js';
import { policyForAction, type ActionPolicy } from './policy-source.js';

/**
 * On a push to the default branch (or a manual run of it): plan again under the policy of the
 * commit before, clear the gate (the merged pull request approved this exact plan, when needed;
 * the change window), then the deploy pipeline with the backup as an artifact, and the journal
 * and an audit record as a second artifact. The deployed commit gets a status of its own.
 */
export async function runDeployMode(context: ModeContext): Promise<ModeOutcome> {
  const origin = await checkOrigin(context);
  if (origin) {
    await context.io.summary(`### ⛔ Deploy refused\n\n${origin}`);
    return { result: 'refused', outputs: { approved: 'false' }, failure: origin };
  }
  const pr = await mergedPullRequest(context);
  const source = await policyForAction(context, {
    bases: await policyBases(context, pr),
    head: context.run.sha,
    alsoHead: true,
  });
  const planned = await planForAction(context, source);
  if (!planned) return INVALID_CONFIG;
  const { plan } = planned;
  const policy: ActionPolicy = { policy: planned.policy, changed: source.changed };
  const outputs = planOutputs(plan);
  if (plan.verdict === 'no-changes') {
    await context.io.summary(renderMarkdown(plan));
    return { result: 'no-changes', outputs: { ...outputs, approved: 'true' } };
  }
  if (plan.verdict === 'blocked')
    return {
      result: 'failed',
      outputs,
      failure:
        'The plan is blocked: Genesys would refuse part of it. Run the plan on a pull request to see why.',
    };

  const sha = context.run.sha;
  // Read before this run's first status: a re-run of a killed deploy would hide its record.
  const unfinished = await unfinishedDeploys(context, [sha, context.run.before]);
  for (const item of unfinished) context.io.warn(unfinishedAdvice(item, 'deploy'));
  // A re-run of a commit whose deploy never ended keeps that deploy's record until it is dealt with.
  const earlier = unfinished.find((item) => item.sha === sha);
  const identity = earlier
    ? await setDeployStatus(context, sha, 'pending', earlier.digest, deployingText(earlier.backupArtifact))
    : await setDeployStatus(context, sha, 'pending', plan.digest, 'Checking the gate');
  const clearance = await clearDeploy(context, plan, policy, pr, identity);
  if (typeof clearance === 'string') {
    await endStatus(context, unfinished, 'failure', plan.digest, 'Refused by the gate');
    await context.io.summary(`### ⛔ Deploy refused\n\n${clearance}\n\n${renderMarkdown(plan)}`);
    return { result: 'refused', outputs: { ...outputs, approved: 'false' }, failure: clearance };
  }
  return deployCleared(context, { plan, policy, clearance, outputs, unfinished, planRead: planned.planRead });
}

interface Cleared {
  plan: Plan;
  policy: ActionPolicy;
  clearance: Clearance;
  outputs: Record<string, string>;
  unfinished: UnfinishedDeploy[];
  /** The plan's own read of the tables, seconds ago: the guard and the backup. */
  planRead: PlanRead;
}

/**
 * A deploy the gate cleared: the lock, the pipeline with the backup as an artifact, the journal
 * and audit record as a second artifact, the summary and the deployed commit's status.
 */
async function deployCleared(context: ModeContext, cleared: Cleared): Promise<ModeOutcome> {
  const { plan, clearance, outputs } = cleared;
  const busy = await otherDeployInProgress(context);
  if (busy) {
    await endStatus(
      context,
      cleared.unfinished,
      'failure',
      plan.digest,
      'Refused: another deploy is running',
    );
    return { result: 'refused', outputs, failure: busy };
  }
  // Written line by line as the deploy goes (fsync'd before each call): a cancelled run's
  // journal holds everything up to the moment it stopped.
  const journal = new FileJournal(
    join(process.env.RUNNER_TEMP || tmpdir(), `${journalArtifactName(context)}.jsonl`),
  );
  let result: DeployResult;
  try {
    result = await runDeploy(await deployOptions(context, cleared, journal));
  } finally {
    journal.close();
  }
  if (result.outcome === 'refused') {
    await endStatus(context, cleared.unfinished, 'failure', plan.digest, deployStatusText(result));
    const failure = failureOf(context.run, result)!;
    await context.io.summary(`### ⛔ Deploy refused\n\n${failure}`);
    return { result: 'refused', outputs, failure };
  }
  await uploadJournal(context, journal, auditRecord(context, cleared, result));
  const applied = result.outcome === 'applied';
  if (applied)
    for (const item of cleared.unfinished)
      await settleUnfinished(context, item, `Unfinished; superseded by run ${context.run.runId}`);
  await context.io.summary(deploySummary(context, plan, result, clearance, cleared.unfinished));
  await endStatus(
    context,
    applied ? [] : cleared.unfinished,
    applied ? 'success' : 'failure',
    plan.digest,
    deployStatusText(result),
  );
  return {
    result: resultOf(result),
    outputs: {
      ...outputs,
      approved: 'true',
      'deploy-version': String(result.version ?? ''),
      'backup-artifact-id': result.backup ?? '',
    },
    failure: failureOf(context.run, result),
  };
}

/** The pipeline's options in the action: the inputs, the artifact store, the runner's log. */
async function deployOptions(
  context: ModeContext,
  cleared: Cleared,
  journal: FileJournal,
): Promise<DeployOptions> {
  const { settings, run } = context;
  const { plan } = cleared;
  return {
    plan,
    tables: context.genesys().tables,
    backups: new ArtifactBackupStore(context.artifacts, { retentionDays: settings.backupRetentionDays }),
    backupName: backupArtifactName(context),
    journal,
    logger: context.io,
    clock: systemClock,
    actor: run.actor,
    health: await healthChecks(context),
    env: process.env,
    webhooks:
      settings.webhookUrls.length > 0
        ? { urls: settings.webhookUrls, secret: settings.webhookSecret! }
        : undefined,
    gitSha: run.sha,
    versionsTable: settings.versionsTable,
    ratePerMinute: settings.connection.rateLimitPerMinute,
    signingKey: settings.signingKey,
    settleMs: settings.settleMs,
    signal: context.signal,
    planRead: cleared.planRead,
    // The durable record of a deploy under way: if this run dies, the next one finds it here.
    onBackedUp: async (location) => {
      await setDeployStatus(context, run.sha, 'pending', plan.digest, deployingText(location));
      await context.io.summary(
        `### ⏳ Deploy started\n\nBackup artifact ${location} holds the tables as they were. If this run ends before its result below, restore it: run the rollback workflow (workflow_dispatch, mode "rollback") with backup-run-id ${run.runId} and backup-artifact ${location}.\n`,
      );
    },
  };
}

/**
 * Sets this run's final deploy status on its commit. When an earlier deploy of the same commit
 * never ended and this run did not deal with it, its record (the backup to restore) is put back.
 */
async function endStatus(
  context: ModeContext,
  unfinished: readonly UnfinishedDeploy[],
  state: 'success' | 'failure',
  digest: string,
  text: string,
): Promise<void> {
  const sha = context.run.sha;
  await setDeployStatus(context, sha, state, digest, text);
  for (const item of unfinished)
    if (item.sha === sha)
      await setDeployStatus(context, sha, 'pending', item.digest, deployingText(item.backupArtifact));
}

/** The health-check input: a path in the repository, or the YAML itself; bake-seconds overrides. */
function healthChecks(context: ModeContext): Promise<HealthSpec> | undefined {
  const { healthChecks: input, bakeSeconds } = context.settings;
  if (!input) return undefined;
  return loadHealthChecks(
    { input, baseDir: context.run.workspace, option: 'health-checks', inline: true, bakeSeconds },
    process.env,
  );
}
