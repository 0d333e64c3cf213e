import type { Plan } from '../plan/types.js';
import { judgeWindow, policyWindowStatus, type WindowDecision } from '../policy/window-gate.js';
import { gateRefusal, judgeApproval } from './approval.js';
import type { ModeContext } from './context.js';
import type { GateDecision } from './gate.js';
import type { PullRequestRef } from './github.js';
import type { ActionPolicy } from './policy-source.js';

/** What let a deploy through, for the audit record. */
export interface Clearance {
  pullRequest?: number | undefined;
  approvedBy: string[];
  window: WindowDecision;
}

const branchOf = (ref: string) => ref.replace(/^refs\/heads\//, '');

/**
 * The commits whose policy judges this deploy, the one whose approvers count first: for a push,
 * where the branch pointed before it; for a manual run, the commit before the merged pull
 * request landed (see {@link commitBeforePullRequest}). The pull request's recorded base is
 * added as a further, only stricter, base.
 */
export async function policyBases(context: ModeContext, pr: PullRequestRef | undefined): Promise<string[]> {
  const { run } = context;
  const primary =
    run.eventName === 'push' && run.before
      ? run.before
      : await commitBeforePullRequest(context, run.sha, pr?.number);
  return [primary, pr?.baseSha].filter((sha): sha is string => Boolean(sha));
}

/** How far back a rebase merge is followed: GitHub rebases at most 100 commits. */
const MAX_REBASED_COMMITS = 100;

/**
 * The commit the branch pointed at before `sha` landed: the first parent of a merge commit; for
 * a squash or rebase merge, the first ancestor that is not one of the pull request's own
 * commits. (A pull request's recorded base is where it was opened or last updated, which may be
 * long before it merged, so it cannot serve as the base whose approvers count.)
 */
async function commitBeforePullRequest(
  context: ModeContext,
  sha: string,
  pull: number | undefined,
): Promise<string | undefined> {
  let current = sha;
  for (let step = 0; step < MAX_REBASED_COMMITS; step++) {
    const parents = await context.github.parentsOf(current);
    const first = parents[0];
    if (!first || parents.length > 1 || pull === undefined) return first;
    const owners = await context.github.pullRequestsForCommit(first);
    if (!owners.some((candidate) => candidate.number === pull)) return first;
    current = first;
  }
  return undefined;
}

/**
 * May this deploy go ahead (its origin checked first, by {@link checkOrigin})? Checks the approval of this exact plan on the pull request merged into the commit (when the
 * plan or a policy change needs one), and the change window. Returns the clearance, or why not.
 */
export async function clearDeploy(
  context: ModeContext,
  plan: Plan,
  policy: ActionPolicy,
  pr: PullRequestRef | undefined,
  identity: string | undefined,
): Promise<Clearance | string> {
  const needsApproval = plan.verdict === 'needs-approval' || policy.changed;
  // The reviews are read only when they matter: for the approval, or to grant an override.
  let judged: Promise<GateDecision | undefined> | undefined;
  const judge = () =>
    (judged ??=
      pr && identity
        ? judgeApproval(context, { digest: plan.digest, pr, policy: policy.policy, identity })
        : Promise.resolve(undefined));
  const gate = needsApproval ? await judge() : undefined;
  if (needsApproval) {
    const why = policy.changed ? 'The policy file changes' : 'This plan crosses a threshold';
    if (!identity)
      return `${why}, so it needs an approval, and this run could not set its commit status, so it cannot tell which plan announcements are its own. Grant the workflow "statuses: write". Nothing was written.`;
    if (!pr)
      return `${why}, so it needs an approval, and no pull request was merged into commit ${context.run.sha.slice(0, 7)}. Deploy through a reviewed pull request. Nothing was written.`;
    if (!gate!.approved)
      return `${why}, so it needs an approval. ${gateRefusal(gate!, pr)} Nothing was written.`;
  }
  const { run, settings } = context;
  const now = new Date();
  const asksOverride =
    !policyWindowStatus(policy.policy, now).open && Boolean(settings.emergencyReason?.trim());
  const approvals = asksOverride ? ((await judge())?.boundApprovals ?? []) : [];
  const window = judgeWindow(policy.policy, now, {
    reason: settings.emergencyReason,
    // Who asked: the one who started this attempt (a re-run keeps the first run's actor).
    grantors: [...(run.eventName === 'workflow_dispatch' ? [run.triggeringActor] : []), ...approvals],
  });
  if (!window.allowed) return window.refusal!;
  if (window.override)
    context.io.warn(
      `Emergency override of the change window by ${window.override.grantedBy.join(', ')}: ${window.override.reason}`,
    );
  return { pullRequest: pr?.number, approvedBy: gate?.approved ? gate.approvedBy : [], window };
}

/**
 * Where a deploy may come from: a push, or a manual run of the default branch, of the commit
 * that is the branch's head now. A re-run of an older run (GitHub keeps its commit) would put
 * back a superseded config, judged by a superseded policy: refused. Why not, else undefined.
 */
export async function checkOrigin(context: ModeContext): Promise<string | undefined> {
  const { run } = context;
  if (run.eventName !== 'push' && run.eventName !== 'workflow_dispatch')
    return `Deploys run on push or workflow_dispatch events, not ${run.eventName}. Nothing was written.`;
  const main = run.defaultBranch;
  const kind = run.eventName === 'push' ? 'A push deploy' : 'A manual deploy';
  if (!main || branchOf(run.ref) !== main)
    return `${kind} runs only for the default branch${main ? ` (${main})` : ''}, not ${run.ref}. Merge the change through a reviewed pull request. Nothing was written.`;
  const relation = await context.github.compareCommits(main, run.sha);
  if (relation === 'behind')
    return `Commit ${run.sha.slice(0, 7)} is no longer the head of ${main}: a newer commit landed, and its deploy deploys this change too (where an approval is needed, of the combined plan). An older run is not deployed again, so that it cannot put back a superseded config. Nothing was written.`;
  if (relation !== 'identical')
    return `Commit ${run.sha.slice(0, 7)} is not on ${main} (${relation}); only the head of the default branch is deployed. Nothing was written.`;
  return undefined;
}

/**
 * The pull request merged into this commit: merged into the branch deployed, with this commit
 * as its merge (or squash, or last rebased) commit, or as its merged head. Open pull requests
 * that merely contain the commit never count.
 */
export async function mergedPullRequest(context: ModeContext): Promise<PullRequestRef | undefined> {
  const { sha, ref } = context.run;
  const branch = branchOf(ref);
  const candidates = await context.github.pullRequestsForCommit(sha);
  return candidates.find(
    (pr) =>
      pr.mergedAt !== null && pr.baseRef === branch && (pr.mergeCommitSha === sha || pr.headSha === sha),
  );
}
