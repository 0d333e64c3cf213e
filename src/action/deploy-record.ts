import { readFile } from 'node:fs/promises';
import { restoreDifferencesMarkdown } from '../deploy/differences.js';
import type { FileJournal } from '../deploy/journal.js';
import { deployFailureText, deployHeadline, plural } from '../deploy/outcome.js';
import type { DeployResult } from '../deploy/pipeline.js';
import { describeError } from '../errors.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import type { Plan } from '../plan/types.js';
import { maskSecrets } from '../secrets.js';
import { uploadFiles } from './artifact-store.js';
import type { ModeContext, Result, RunInfo } from './context.js';
import type { Clearance } from './deploy-gate.js';
import type { ActionPolicy } from './policy-source.js';
import { unfinishedAdvice, type UnfinishedDeploy } from './unfinished.js';

/**
 * What a deploy run of the action leaves behind: its `result`, the job summary with what to do
 * next (in the action's terms: workflow runs and inputs), and the journal and audit record as
 * an artifact. The words of the outcome are the engine's (deploy/outcome.ts).
 */

/** The engine's outcome as the action's `result` output. */
export const resultOf = (result: DeployResult): Result =>
  result.outcome === 'rollback-failed' ? 'failed' : result.outcome;

const RUNBOOK = 'docs/runbook.md';

/** What to do next, in the action's terms; none after a deploy that ended well. */
export function actionAdvice(run: Pick<RunInfo, 'runId'>, result: DeployResult): string | undefined {
  switch (result.outcome) {
    case 'refused':
      return result.refusal?.fix;
    case 'rolled-back':
      return `Fix the cause, then open a follow-up pull request that touches the config and have its plan approved (${RUNBOOK}, after exit code 4).`;
    case 'rollback-failed':
      return `Stop further deploys of this environment and remove the cause, then restore the backup again: run the rollback workflow (workflow_dispatch, mode "rollback") with backup-run-id ${run.runId}${result.backup ? ` and backup-artifact ${result.backup}` : ''} (${RUNBOOK}, after exit code 5).`;
    default:
      return undefined;
  }
}

/** Why the step fails, and what to do; undefined when the deploy applied (or had nothing to do). */
export function failureOf(run: Pick<RunInfo, 'runId'>, result: DeployResult): string | undefined {
  const why = deployFailureText(result);
  if (why === undefined) return undefined;
  const advice = actionAdvice(run, result);
  return advice ? `${why} ${advice}` : why;
}

const ICONS: Record<DeployResult['outcome'], string> = {
  'no-changes': '✅',
  applied: '✅',
  refused: '⛔',
  'rolled-back': '↩️',
  'rollback-failed': '❌',
};

/** The job summary of a deploy that ran: the headline, the cause and advice, the gate, the plan. */
export function deploySummary(
  context: ModeContext,
  plan: Plan,
  result: DeployResult,
  { approvedBy, window }: Clearance,
  unfinished: readonly UnfinishedDeploy[],
): string {
  const lines = [`### ${ICONS[result.outcome]} ${deployHeadline(result)}`, ''];
  const cause = result.failure?.message ?? result.refusal?.message;
  if (cause) lines.push(`**Cause:** ${cause}`, '');
  const advice = actionAdvice(context.run, result);
  if (advice) lines.push(`**Next:** ${advice}`, '');
  for (const item of unfinished) lines.push(`> ⚠️ ${unfinishedAdvice(item, 'deploy')}`, '');
  if (approvedBy.length > 0) lines.push(`Approved by ${approvedBy.join(', ')}.`);
  if (window.override)
    lines.push(
      `Emergency override by ${window.override.grantedBy.join(', ')}: ${window.override.reason} (the change window was ${window.status.text}).`,
    );
  lines.push(`Backup artifact: ${result.backup ?? '—'} · ${plural(result.operations, 'operation')}.`);
  if (result.restore && !result.restore.restored)
    lines.push('', ...restoreDifferencesMarkdown(result.restore));
  return `${lines.join('\n')}\n\n${renderMarkdown(plan, { maxLength: 900_000 })}`;
}

/** Uploads the journal and the audit record as the run's second artifact; a failure only warns. */
export async function uploadJournal(
  context: ModeContext,
  journal: FileJournal,
  audit: object,
): Promise<void> {
  try {
    const files = new Map([
      ['journal.jsonl', await readFile(journal.path).catch(() => Buffer.from(''))],
      // What a health check printed is in there: masked like every other output.
      ['audit.json', Buffer.from(maskSecrets(`${JSON.stringify(audit, null, 2)}\n`))],
    ]);
    await uploadFiles(
      await context.artifacts(),
      journalArtifactName(context),
      files,
      context.settings.backupRetentionDays,
    );
  } catch (error) {
    context.io.warn(`The journal and audit record could not be uploaded: ${describeError(error)}`);
  }
}

/** The names of this run's artifacts: the backup, and its journal twin (see mode-rollback.ts). */
export const backupArtifactName = (context: ModeContext): string =>
  `datatable-backup-${context.settings.deployment}-${context.run.runId}-${context.run.runAttempt}`;
export const journalArtifactName = (context: ModeContext): string =>
  backupArtifactName(context).replace(/^datatable-backup-/, 'datatable-journal-');

/** What the audit.json artifact records of a deploy: who, what, under which policy, and how it went. */
export function auditRecord(
  context: ModeContext,
  cleared: { plan: Plan; policy: ActionPolicy; clearance: Clearance },
  result: DeployResult,
) {
  const { plan, clearance } = cleared;
  return {
    result: resultOf(result),
    outcome: result.outcome,
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
