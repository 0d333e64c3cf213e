import { restoreDifferencesMarkdown } from '../deploy/differences.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { systemClock } from '../clock.js';
import { parseHealthSpec, type HealthSpec } from '../deploy/health/spec.js';
import type { PlanRead } from '../deploy/guard.js';
import { FileJournal } from '../deploy/journal.js';
import { runDeploy, type DeployResult } from '../deploy/pipeline.js';
import { describeError, RefusedError } from '../errors.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import type { Plan } from '../plan/types.js';
import { ArtifactBackupStore, uploadFiles } from './artifact-store.js';
import { setDeployStatus } from './approval.js';
import type { ModeContext, ModeOutcome } from './context.js';
import { checkOrigin, clearDeploy, mergedPullRequest, policyBases, type Clearance } from './deploy-gate.js';
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
import { maskSecrets } from '../secrets.js';

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

/**
 * A deploy the gate cleared: the lock, the pipeline with the backup as an artifact, the journal
 * and audit record as a second artifact, the summary and the deployed commit's status.
 */
async function deployCleared(
  context: ModeContext,
  cleared: {
    plan: Plan;
    policy: ActionPolicy;
    clearance: Clearance;
    outputs: Record<string, string>;
    unfinished: UnfinishedDeploy[];
    /** The plan's own read of the tables, seconds ago: the guard and the backup. */
    planRead: PlanRead;
  },
): Promise<ModeOutcome> {
  const { plan, clearance, outputs } = cleared;
  const sha = context.run.sha;
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

  const name = context.settings.deployment;
  const { runId, runAttempt } = context.run;
  // Written line by line as the deploy goes (fsync'd before each call): a cancelled run's
  // journal holds everything up to the moment it stopped.
  const journal = new FileJournal(
    join(process.env.RUNNER_TEMP || tmpdir(), `datatable-journal-${name}-${runId}-${runAttempt}.jsonl`),
  );
  let result: DeployResult;
  try {
    result = await runDeploy({
      plan,
      tables: context.genesys().tables,
      backups: new ArtifactBackupStore(context.artifacts, {
        retentionDays: context.settings.backupRetentionDays,
      }),
      backupName: `datatable-backup-${name}-${runId}-${runAttempt}`,
      journal,
      logger: context.io,
      clock: systemClock,
      actor: context.run.actor,
      health: await healthChecks(context),
      env: process.env,
      webhooks:
        context.settings.webhookUrls.length > 0
          ? { urls: context.settings.webhookUrls, secret: context.settings.webhookSecret! }
          : undefined,
      gitSha: context.run.sha,
      versionsTable: context.settings.versionsTable,
      ratePerMinute: context.settings.connection.rateLimitPerMinute,
      signingKey: context.settings.signingKey,
      settleMs: context.settings.settleMs,
      signal: context.signal,
      planRead: cleared.planRead,
      // The durable record of a deploy under way: if this run dies, the next one finds it here.
      onBackedUp: async (location) => {
        await setDeployStatus(context, sha, 'pending', plan.digest, deployingText(location));
        await context.io.summary(
          `### ⏳ Deploy started\n\nBackup artifact ${location} holds the tables as they were. If this run ends before its result below, restore it with mode "rollback" and backup-artifact ${location}.\n`,
        );
      },
    });
  } catch (error) {
    if (error instanceof RefusedError) {
      await endStatus(context, cleared.unfinished, 'failure', plan.digest, 'Refused: the plan is stale');
      await context.io.summary(`### ⛔ Deploy refused\n\n${error.describe()}`);
      return { result: 'refused', outputs, failure: error.describe() };
    }
    throw error;
  }
  journal.close();
  await uploadJournal(context, journal, auditRecord(context, cleared, result));
  if (result.outcome === 'applied')
    for (const item of cleared.unfinished)
      await settleUnfinished(context, item, `Unfinished; superseded by run ${context.run.runId}`);
  await context.io.summary(deploySummary(plan, result, clearance, cleared.unfinished));
  await endStatus(
    context,
    result.outcome === 'applied' ? [] : cleared.unfinished,
    result.outcome === 'applied' ? 'success' : 'failure',
    plan.digest,
    result.outcome === 'applied' ? `Deployed version ${result.version}` : `Failed and ${result.outcome}`,
  );
  const mapped = result.outcome === 'applied' ? 'applied' : result.outcome;
  return {
    result: mapped,
    outputs: {
      ...outputs,
      approved: 'true',
      'deploy-version': String(result.version ?? ''),
      'backup-artifact-id': result.backup ?? '',
    },
    ...(result.outcome === 'rolled-back' || result.outcome === 'failed'
      ? {
          failure: `The deploy failed (${result.failure?.phase}: ${result.failure?.message}) and ${result.outcome === 'rolled-back' ? 'was rolled back' : 'the rollback did not finish'}.`,
        }
      : {}),
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

/** Uploads the journal and the audit record as the run's second artifact; a failure only warns. */
async function uploadJournal(context: ModeContext, journal: FileJournal, audit: object): Promise<void> {
  const { runId, runAttempt } = context.run;
  const name = context.settings.deployment;
  try {
    const files = new Map([
      ['journal.jsonl', await readFile(journal.path).catch(() => Buffer.from(''))],
      // What a health check printed is in there: masked like every other output.
      ['audit.json', Buffer.from(maskSecrets(`${JSON.stringify(audit, null, 2)}\n`))],
    ]);
    await uploadFiles(
      await context.artifacts(),
      `datatable-journal-${name}-${runId}-${runAttempt}`,
      files,
      context.settings.backupRetentionDays,
    );
  } catch (error) {
    context.io.warn(`The journal and audit record could not be uploaded: ${describeError(error)}`);
  }
}

/** What the audit.json artifact records of a deploy: who, what, under which policy, and how it went. */
function auditRecord(
  context: ModeContext,
  cleared: { plan: Plan; policy: ActionPolicy; clearance: Clearance },
  result: DeployResult,
) {
  const { plan, clearance } = cleared;
  return {
    result: result.outcome,
    digest: plan.digest,
    environment: plan.environment ?? null,
    approvedBy: clearance.approvedBy,
    pullRequest: clearance.pullRequest ?? null,
    policy: cleared.policy.policy.source,
    policyChanged: cleared.policy.changed,
    window: clearance.window.status.text,
    emergencyOverride: clearance.window.override ?? null,
    actor: context.run.actor,
    triggeredBy: context.run.triggeringActor,
    commit: context.run.sha,
    run: { id: context.run.runId, attempt: context.run.runAttempt },
    backupArtifactId: result.backup ?? null,
    version: result.version ?? null,
    operations: result.operations,
    apiCalls: context.genesys().http.stats().requests,
    totals: plan.totals,
    failure: result.failure ?? null,
    restored: result.restore?.restored ?? null,
  };
}

/** The health-check input: a path in the repository, or the YAML itself. */
async function healthChecks(context: ModeContext): Promise<HealthSpec | undefined> {
  const input = context.settings.healthChecks;
  if (!input) return undefined;
  const path = resolve(context.run.workspace, input);
  const isFile = !input.includes('\n') && existsSync(path);
  const spec = parseHealthSpec(
    isFile ? input : 'health-checks input',
    isFile ? await readFile(path) : Buffer.from(input),
    process.env,
  );
  return context.settings.bakeSeconds !== undefined
    ? { ...spec, bakeSeconds: context.settings.bakeSeconds }
    : spec;
}

function deploySummary(
  plan: Plan,
  result: DeployResult,
  { approvedBy, window }: Clearance,
  unfinished: readonly UnfinishedDeploy[],
): string {
  const headline = {
    'no-changes': '✅ No changes',
    applied: `✅ Deployed version ${result.version}`,
    'rolled-back': `↩️ Rolled back: the deploy failed (${result.failure?.phase})`,
    failed: `❌ FAILED: the deploy failed (${result.failure?.phase}) and the rollback did not finish`,
  }[result.outcome];
  const lines = [`### ${headline}`, ''];
  if (result.failure) lines.push(`**Cause:** ${result.failure.message}`, '');
  for (const item of unfinished) lines.push(`> ⚠️ ${unfinishedAdvice(item, 'deploy')}`, '');
  if (approvedBy.length > 0) lines.push(`Approved by ${approvedBy.join(', ')}.`);
  if (window.override)
    lines.push(
      `Emergency override by ${window.override.grantedBy.join(', ')}: ${window.override.reason} (the change window was ${window.status.text}).`,
    );
  lines.push(`Backup artifact: ${result.backup ?? '—'} · ${result.operations} operations.`);
  if (result.restore && !result.restore.restored)
    lines.push('', ...restoreDifferencesMarkdown(result.restore));
  return `${lines.join('\n')}\n\n${renderMarkdown(plan, { maxLength: 900_000 })}`;
}
