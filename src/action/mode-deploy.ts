import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { systemClock } from '../clock.js';
import { parseHealthSpec, type HealthSpec } from '../deploy/health/spec.js';
import { MemoryJournal } from '../deploy/journal.js';
import { runDeploy, type DeployResult } from '../deploy/pipeline.js';
import { describeError, RefusedError } from '../errors.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import type { Plan } from '../plan/types.js';
import { ArtifactBackupStore, uploadFiles } from './artifact-store.js';
import { commentMarker, type ModeContext, type ModeOutcome } from './context.js';
import { otherDeployInProgress } from './lock.js';
import { evaluatePullRequest } from './mode-plan.js';
import { INVALID_CONFIG, planForAction, planOutputs } from './planning.js';

/**
 * On a push to the default branch: plan again, check the gate (the merged pull request's
 * approval must be of this exact plan), then the deploy pipeline with the backup as an
 * artifact, and the journal and an audit record as a second artifact.
 */
export async function runDeployMode(context: ModeContext): Promise<ModeOutcome> {
  const plan = await planForAction(context);
  if (!plan) return INVALID_CONFIG;
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

  let approvedBy: string[] = [];
  if (plan.verdict === 'needs-approval') {
    const refusal = await checkApproval(context, plan);
    if (typeof refusal === 'string') {
      await context.io.summary(`### ⛔ Deploy refused\n\n${refusal}\n\n${renderMarkdown(plan)}`);
      return { result: 'refused', outputs: { ...outputs, approved: 'false' }, failure: refusal };
    }
    approvedBy = refusal.approvedBy;
  }

  const busy = await otherDeployInProgress(context);
  if (busy) return { result: 'refused', outputs, failure: busy };

  const name = context.settings.deployment;
  const { runId, runAttempt } = context.run;
  const journal = new MemoryJournal();
  let result: DeployResult;
  try {
    result = await runDeploy({
      plan,
      tables: context.genesys().tables,
      backups: new ArtifactBackupStore({ retentionDays: context.settings.backupRetentionDays }),
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
      ratePerMinute: context.settings.connection.rateLimitPerMinute,
    });
  } catch (error) {
    if (error instanceof RefusedError) {
      await context.io.summary(`### ⛔ Deploy refused\n\n${error.describe()}`);
      return { result: 'refused', outputs, failure: error.describe() };
    }
    throw error;
  }
  const audit = {
    result: result.outcome,
    digest: plan.digest,
    environment: plan.environment ?? null,
    approvedBy,
    actor: context.run.actor,
    commit: context.run.sha,
    run: { id: runId, attempt: runAttempt },
    backupArtifactId: result.backup ?? null,
    version: result.version ?? null,
    operations: result.operations,
    apiCalls: context.genesys().http.stats().requests,
    totals: plan.totals,
    failure: result.failure ?? null,
    restored: result.restore?.restored ?? null,
  };
  try {
    const files = new Map([
      ['journal.jsonl', Buffer.from(journal.entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n')],
      ['audit.json', Buffer.from(`${JSON.stringify(audit, null, 2)}\n`)],
    ]);
    await uploadFiles(
      new DefaultArtifactClient(),
      `datatable-journal-${name}-${runId}-${runAttempt}`,
      files,
      context.settings.backupRetentionDays,
    );
  } catch (error) {
    context.io.warn(`The journal and audit record could not be uploaded: ${describeError(error)}`);
  }
  await context.io.summary(deploySummary(plan, result, approvedBy));
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

/** The approvers, or why the deploy is refused. */
async function checkApproval(context: ModeContext, plan: Plan): Promise<{ approvedBy: string[] } | string> {
  const pr = await context.github.pullRequestForCommit(context.run.sha);
  if (!pr)
    return `This plan needs an approval, and no pull request was found for commit ${context.run.sha.slice(0, 7)}. Deploy through a reviewed pull request.`;
  const comment = await context.github.findComment(pr.number, commentMarker(context.settings.deployment));
  const approvedDigest = /digest=(sha256:[0-9a-f]{64})/.exec(comment?.body ?? '')?.[1];
  if (!approvedDigest)
    return `Pull request #${pr.number} has no plan comment for this deployment, so no plan was approved. Run the plan workflow on it.`;
  if (approvedDigest !== plan.digest) {
    return `Stale plan: #${pr.number} approved plan ${approvedDigest.slice(0, 19)}…, but the config and the live tables now give ${plan.digest.slice(0, 19)}…. Something changed since the review (a live edit, or another deploy). Re-run the plan on a pull request and have the new plan approved.`;
  }
  const gate = await evaluatePullRequest(context, pr);
  if (!gate.approved) {
    const ignored = gate.ignored.map((item) => `${item.user}: ${item.reason}`).join('; ');
    return `Pull request #${pr.number} lacks the ${context.settings.requiredApprovals} approval(s) this plan needs${ignored ? ` (${ignored})` : ''}.`;
  }
  return { approvedBy: gate.approvedBy };
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

function deploySummary(plan: Plan, result: DeployResult, approvedBy: string[]): string {
  const headline = {
    'no-changes': '✅ No changes',
    applied: `✅ Deployed version ${result.version}`,
    'rolled-back': `↩️ Rolled back: the deploy failed (${result.failure?.phase})`,
    failed: `❌ FAILED: the deploy failed (${result.failure?.phase}) and the rollback did not finish`,
  }[result.outcome];
  const lines = [`### ${headline}`, ''];
  if (result.failure) lines.push(`**Cause:** ${result.failure.message}`, '');
  if (approvedBy.length > 0) lines.push(`Approved by ${approvedBy.join(', ')}.`);
  lines.push(`Backup artifact: ${result.backup ?? '—'} · ${result.operations} operations.`);
  if (result.restore && !result.restore.restored)
    lines.push(
      '',
      '**Still different after the restore:**',
      ...result.restore.remaining.map((item) => `- ${item}`),
    );
  return `${lines.join('\n')}\n\n${renderMarkdown(plan, { maxLength: 900_000 })}`;
}
