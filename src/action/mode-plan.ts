import { renderMarkdown } from '../plan/render-markdown.js';
import type { Plan } from '../plan/types.js';
import { commentMarker, statusContext, type ModeContext, type ModeOutcome } from './context.js';
import { evaluateGate, type GateDecision } from './gate.js';
import { INVALID_CONFIG, planForAction, planOutputs } from './planning.js';

/**
 * On a pull request: plan, post or update the sticky comment, and set the commit status that
 * branch protection can require (pending while an approval is missing, success once the gate
 * passes). Elsewhere: the job summary and outputs only.
 */
export async function runPlanMode(context: ModeContext): Promise<ModeOutcome> {
  const plan = await planForAction(context);
  if (!plan) return INVALID_CONFIG;
  const outputs = planOutputs(plan);
  const result = plan.verdict === 'no-changes' ? 'no-changes' : 'planned';
  await context.io.summary(renderMarkdown(plan, { maxLength: 900_000, fullPlanLocation: 'the plan JSON' }));
  const pr = context.run.pullRequest;
  if (!pr) return { result, outputs: { ...outputs, approved: String(plan.verdict !== 'needs-approval') } };
  if (pr.fromFork) {
    context.io.warn(
      'This pull request comes from a fork: its token is read-only, so no comment or status is written. The plan is in the job summary.',
    );
    return { result, outputs: { ...outputs, approved: 'false' } };
  }
  const gate = await gateFor(context, plan, pr);
  const body = `${commentMarker(context.settings.deployment)}\n${renderMarkdown(plan, { maxLength: 60_000 })}\n${gateSection(plan, gate, context.settings.requiredApprovals)}`;
  const comment = await context.github.upsertComment(
    pr.number,
    commentMarker(context.settings.deployment),
    body,
  );
  context.io.info(`${comment.created ? 'Posted' : 'Updated'} the plan comment on #${pr.number}.`);
  const passed = plan.verdict !== 'needs-approval' || gate?.approved === true;
  const blocked = plan.verdict === 'blocked';
  await context.github.setStatus(
    pr.headSha,
    blocked ? 'failure' : passed ? 'success' : 'pending',
    statusContext(context.settings.deployment),
    blocked
      ? 'Blocked: Genesys would refuse part of this plan'
      : passed
        ? plan.verdict === 'needs-approval'
          ? `Approved by ${gate!.approvedBy.join(', ')}`
          : 'No approval needed'
        : `Waiting for ${context.settings.requiredApprovals} approval(s) of this plan`,
  );
  return {
    result,
    outputs: { ...outputs, approved: String(passed) },
    ...(blocked ? { failure: 'The plan is blocked; see the comment.' } : {}),
  };
}

async function gateFor(
  context: ModeContext,
  plan: Plan,
  pr: { number: number; headSha: string; author: string },
): Promise<GateDecision | undefined> {
  if (plan.verdict !== 'needs-approval') return undefined;
  return evaluatePullRequest(context, pr);
}

/** Evaluates the approval rule on a pull request's reviews. */
export async function evaluatePullRequest(
  context: ModeContext,
  pr: { number: number; headSha: string; author: string },
): Promise<GateDecision> {
  const reviews = await context.github.listReviews(pr.number);
  const users = [...new Set(reviews.map((review) => review.user.toLowerCase()))];
  const permissions = new Map(
    await Promise.all(users.map(async (user) => [user, await context.github.permissionOf(user)] as const)),
  );
  return evaluateGate({
    reviews,
    permissions,
    author: pr.author,
    headSha: pr.headSha,
    approvers: context.settings.approvers,
    required: context.settings.requiredApprovals,
  });
}

function gateSection(plan: Plan, gate: GateDecision | undefined, required: number): string {
  if (plan.verdict !== 'needs-approval' || !gate) return '';
  const lines = [
    `**Approval:** ${gate.approved ? `✅ approved by ${gate.approvedBy.map((user) => `\`${user}\``).join(', ')}` : `⏳ ${gate.approvedBy.length} of ${required} approval(s) on the current commit`}.`,
  ];
  for (const item of gate.ignored)
    lines.push(`- \`${item.user}\`'s approval does not count: ${item.reason}.`);
  return `\n${lines.join('\n')}\n`;
}
