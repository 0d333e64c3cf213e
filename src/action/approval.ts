import { describeError } from '../errors.js';
import type { EnvironmentPolicy } from '../policy/policy.js';
import { statusContext, type ModeContext } from './context.js';
import { evaluateGate, type Announcement, type GateDecision } from './gate.js';
import type { CommitState, PullRequestRef } from './github.js';

const ANNOUNCED_DIGEST = /^plan (sha256:[0-9a-f]{64})(?:\s|$)/;
const STATUS_DESCRIPTION_LIMIT = 140;

/** A status description that starts with the plan's digest; only the text after it is cut to fit. */
export function statusDescription(digest: string, text: string): string {
  const head = `plan ${digest} · `;
  return `${head}${text}`.slice(0, Math.max(head.length, STATUS_DESCRIPTION_LIMIT));
}

/**
 * Sets the deployment's commit status, announcing the plan digest on that commit. Returns the
 * identity GitHub recorded as its creator: the only identity whose announcements count.
 */
export async function announcePlan(
  context: ModeContext,
  sha: string,
  state: CommitState,
  digest: string,
  text: string,
  kind: 'plan' | 'deploy' = 'plan',
): Promise<string> {
  const { run, settings } = context;
  const status = await context.github.createStatus(
    sha,
    state,
    kind === 'plan' ? statusContext(settings.deployment) : deployStatusContext(settings.deployment),
    statusDescription(digest, text),
    `${run.serverUrl}/${run.repo.owner}/${run.repo.repo}/actions/runs/${run.runId}`,
  );
  return status.creator;
}

/** The status a deploy sets on the commit it deploys; apart from the plans' so it announces nothing. */
export const deployStatusContext = (deployment: string): string => `${statusContext(deployment)}/deploy`;

/**
 * Like {@link announcePlan}, for the deploy's own status on the deployed commit. Returns the
 * token's identity, or undefined (with a warning) when the status cannot be set: then no
 * announcement can be trusted, and a deploy that needs an approval is refused. (Guessing the
 * workflow token's identity would trust exactly what any writer's branch workflow can write.)
 */
export async function setDeployStatus(
  context: ModeContext,
  sha: string,
  state: CommitState,
  digest: string,
  text: string,
): Promise<string | undefined> {
  try {
    return await announcePlan(context, sha, state, digest, text, 'deploy');
  } catch (error) {
    context.io.warn(`Could not set the commit status (grant "statuses: write"): ${describeError(error)}.`);
    return undefined;
  }
}

/** The plans `identity` announced on a commit for this deployment, oldest first. */
export async function announcementsOn(
  context: ModeContext,
  sha: string,
  identity: string,
): Promise<Announcement[]> {
  const wanted = statusContext(context.settings.deployment);
  const statuses = await context.github.listStatuses(sha);
  return statuses
    .filter((status) => status.context === wanted && status.creator === identity)
    .flatMap((status) => {
      const digest = ANNOUNCED_DIGEST.exec(status.description)?.[1];
      return digest ? [{ digest, at: status.createdAt }] : [];
    })
    .reverse();
}

/** Judges a pull request's reviews against a plan digest, under the policy. */
export async function judgeApproval(
  context: ModeContext,
  input: {
    digest: string;
    pr: Pick<PullRequestRef, 'number' | 'headSha' | 'author'>;
    policy: EnvironmentPolicy;
    identity: string;
  },
): Promise<GateDecision> {
  const { pr, policy } = input;
  const [reviews, announcements] = await Promise.all([
    context.github.listReviews(pr.number),
    announcementsOn(context, pr.headSha, input.identity),
  ]);
  const users = [...new Set(reviews.map((review) => review.user.toLowerCase()))];
  const permissions = new Map(
    await Promise.all(users.map(async (user) => [user, await context.github.permissionOf(user)] as const)),
  );
  return evaluateGate({
    digest: input.digest,
    announcements,
    reviews,
    permissions,
    author: pr.author,
    headSha: pr.headSha,
    approvers: policy.approvals.approvers,
    narrowedTo: policy.approvals.narrowedTo,
    required: policy.approvals.required,
  });
}

/** Why the gate is shut, with the reviewers' reasons and what to do. */
export function gateRefusal(gate: GateDecision, pr: { number: number }): string {
  const reasons = gate.ignored.map((item) => `${item.user}: ${item.reason}`);
  if (gate.changesRequestedBy.length > 0)
    return `Pull request #${pr.number} has changes requested by ${gate.changesRequestedBy.join(', ')}; they must approve, or their review be dismissed.`;
  const stale = gate.ignored.some((item) => /not this plan|a different plan was announced/.test(item.reason));
  const advice = stale
    ? ' The plan changed since it was approved (a live edit, another deploy or merge, or a policy change). A merged pull request takes no new reviews: open a follow-up pull request that touches the config files, have its plan approved, and merge it.'
    : '';
  return `Pull request #${pr.number} has ${gate.approvedBy.length} of the ${gate.required} approval(s) of this exact plan it needs${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}.${advice}`;
}
