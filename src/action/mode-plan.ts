import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { serializePlan } from '../plan/plan-file.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import type { Plan } from '../plan/types.js';
import { policyWindowStatus } from '../policy/window-gate.js';
import { announcePlan, judgeApproval } from './approval.js';
import { commentMarker, type ModeContext, type ModeOutcome } from './context.js';
import type { GateDecision } from './gate.js';
import { gateSection, windowSection } from './plan-comment.js';
import { INVALID_CONFIG, planForAction, planOutputs } from './planning.js';
import { policyForAction, type ActionPolicy } from './policy-source.js';

/**
 * On a pull request: plan under the base branch's policy, announce the plan's digest as the
 * deployment's commit status on the head (pending while an approval is missing, success once
 * the gate passes: branch protection can require it), and post or update the sticky comment.
 * Elsewhere: the job summary and outputs only.
 */
export async function runPlanMode(context: ModeContext): Promise<ModeOutcome> {
  const pr = context.run.pullRequest;
  // The base branch as it is now, whose approvers count; the event's base commit (where the
  // pull request was opened or last updated) may only make it stricter.
  const bases = pr ? [pr.baseRef || context.run.defaultBranch, pr.baseSha].filter(Boolean) : [];
  if (pr && bases.length === 0)
    throw new ConfigurationError(
      'The event names no base branch for the pull request, so the policy cannot be read as it is on the base.',
      'Run the plan mode on pull_request or pull_request_review events.',
    );
  const source = await policyForAction(context, {
    bases: bases as string[],
    head: pr ? pr.headSha : context.run.sha,
    alsoHead: true,
  });
  const planned = await planForAction(context, source);
  if (!planned) return INVALID_CONFIG;
  const { plan } = planned;
  const policy: ActionPolicy = { policy: planned.policy, changed: source.changed };
  const outputs = { ...planOutputs(plan), 'plan-file': await writePlanFile(context, plan) };
  const result = plan.verdict === 'no-changes' ? 'no-changes' : 'planned';
  const needsApproval = plan.verdict === 'needs-approval' || policy.changed;
  const window = windowSection(policyWindowStatus(policy.policy, new Date()), context);
  await context.io.summary(
    `${renderMarkdown(plan, { maxLength: 900_000, fullPlanLocation: "the plan file (the step's plan-file output)" })}\n${window}`,
  );
  if (!pr) return { result, outputs: { ...outputs, approved: String(!needsApproval) } };
  if (pr.fromFork) {
    context.io.warn(
      'This pull request comes from a fork: its token is read-only, so no comment or status is written. The plan is in the job summary.',
    );
    return { result, outputs: { ...outputs, approved: 'false' } };
  }
  const { gate, identity } = await announceAndJudge(context, plan, policy, pr, needsApproval);
  const marker = commentMarker(context.settings.deployment);
  const body = `${marker}\n${renderMarkdown(plan, { maxLength: 58_000, fullPlanLocation: 'the job summary' })}\n${gateSection(plan, policy, gate, { deployment: context.settings.deployment, headSha: pr.headSha })}\n${window}`;
  const comment = await context.github.upsertComment(pr.number, marker, identity, body);
  const commentUrl = `${context.run.serverUrl}/${context.run.repo.owner}/${context.run.repo.repo}/pull/${pr.number}#issuecomment-${comment.id}`;
  context.io.info(
    `${comment.created ? 'Posted' : 'Updated'} the plan comment on #${pr.number}: ${commentUrl}`,
  );
  const passed = !needsApproval || gate?.approved === true;
  return {
    result,
    outputs: {
      ...outputs,
      approved: String(passed && plan.verdict !== 'blocked'),
      'comment-id': String(comment.id),
      'comment-url': commentUrl,
    },
    ...(plan.verdict === 'blocked' ? { failure: 'The plan is blocked; see the comment.' } : {}),
  };
}

/**
 * Writes the plan as JSON (signed when a signing key is set) to the runner's temporary
 * directory, for `datatable-deploy apply --plan` or an upload step. It holds the cell values
 * the plan writes, so it stays on the runner unless the workflow uploads it.
 */
async function writePlanFile(context: ModeContext, plan: Plan): Promise<string> {
  const path = join(
    process.env.RUNNER_TEMP || tmpdir(),
    `datatable-deploy-plan-${context.settings.deployment}-${context.run.runId}.json`,
  );
  await writeFile(path, serializePlan(plan, context.settings.signingKey), { mode: 0o600 });
  return path;
}

/**
 * Announces the plan on the head commit first, then judges the reviews: an approval can only
 * bind to a digest that was announced before it, and this announcement ends every approval of
 * another digest. When the gate passes, a second status says so.
 */
async function announceAndJudge(
  context: ModeContext,
  plan: Plan,
  policy: ActionPolicy,
  pr: { number: number; headSha: string; author: string },
  needsApproval: boolean,
): Promise<{ gate: GateDecision | undefined; identity: string }> {
  const required = policy.policy.approvals.required;
  if (plan.verdict === 'blocked' || !needsApproval) {
    const blocked = plan.verdict === 'blocked';
    const identity = await announcePlan(
      context,
      pr.headSha,
      blocked ? 'failure' : 'success',
      plan.digest,
      blocked ? 'Blocked: Genesys would refuse part of this plan' : 'No approval needed',
    );
    return { gate: undefined, identity };
  }
  const identity = await announcePlan(
    context,
    pr.headSha,
    'pending',
    plan.digest,
    `Waiting for ${required} approval(s) of this plan`,
  );
  const gate = await judgeApproval(context, { digest: plan.digest, pr, policy: policy.policy, identity });
  if (gate.approved)
    await announcePlan(
      context,
      pr.headSha,
      'success',
      plan.digest,
      `Approved by ${gate.approvedBy.join(', ')}`,
    );
  return { gate, identity };
}
