import type { Plan } from '../plan/types.js';
import { judgeWindow, type WindowDecision } from '../policy/window-gate.js';
import { gateRefusal, judgeApproval } from './approval.js';
import type { ModeContext } from './context.js';
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
 * The commit whose policy judges this deploy: for a push, where the branch pointed before it
 * (for a merge, its first parent); for a manual run, the commit's first parent.
 */
export async function policyBase(context: ModeContext): Promise<string | undefined> {
  if (context.run.eventName === 'push' && context.run.before) return context.run.before;
  const [first] = await context.github.parentsOf(context.run.sha);
  return first;
}

/**
 * May this deploy go ahead (its origin checked first, by {@link checkOrigin})? Checks the approval of this exact plan on the pull request merged into the commit (when the
 * plan or a policy change needs one), and the change window. Returns the clearance, or why not.
 */
export async function clearDeploy(
  context: ModeContext,
  plan: Plan,
  policy: ActionPolicy,
  identity: string,
): Promise<Clearance | string> {
  const pr = await mergedPullRequest(context);
  const needsApproval = plan.verdict === 'needs-approval' || policy.changed;
  const gate = pr
    ? await judgeApproval(context, { digest: plan.digest, pr, policy: policy.policy, identity })
    : undefined;
  if (needsApproval) {
    const why = policy.changed ? 'The policy file changes' : 'This plan crosses a threshold';
    if (!pr)
      return `${why}, so it needs an approval, and no pull request was merged into commit ${context.run.sha.slice(0, 7)}. Deploy through a reviewed pull request. Nothing was written.`;
    if (!gate!.approved)
      return `${why}, so it needs an approval. ${gateRefusal(gate!, pr)} Nothing was written.`;
  }
  const { run, settings } = context;
  const window = judgeWindow(policy.policy, new Date(), {
    reason: settings.emergencyReason,
    grantors: [
      ...(run.eventName === 'workflow_dispatch' ? [run.actor] : []),
      ...(gate?.boundApprovals ?? []),
    ],
  });
  if (!window.allowed) return window.refusal!;
  if (window.override)
    context.io.warn(
      `Emergency override of the change window by ${window.override.grantedBy.join(', ')}: ${window.override.reason}`,
    );
  return { pullRequest: pr?.number, approvedBy: gate?.approved ? gate.approvedBy : [], window };
}

/** A manual run deploys only the default branch, and only a commit it contains; why not, else undefined. */
export async function checkOrigin(context: ModeContext): Promise<string | undefined> {
  const { run } = context;
  if (run.eventName !== 'workflow_dispatch') return undefined;
  const main = run.defaultBranch;
  if (!main || branchOf(run.ref) !== main)
    return `A manual deploy runs only from the default branch${main ? ` (${main})` : ''}, not ${run.ref}. Merge the change through a reviewed pull request. Nothing was written.`;
  const relation = await context.github.compareCommits(main, run.sha);
  if (relation !== 'identical' && relation !== 'behind')
    return `Commit ${run.sha.slice(0, 7)} is not on ${main} (${relation}); only commits of the default branch are deployed. Nothing was written.`;
  return undefined;
}

/**
 * The pull request merged into this commit: merged into the branch deployed, with this commit
 * as its merge (or squash, or last rebased) commit, or as its merged head. Open pull requests
 * that merely contain the commit never count.
 */
async function mergedPullRequest(context: ModeContext): Promise<PullRequestRef | undefined> {
  const { sha, ref } = context.run;
  const branch = branchOf(ref);
  const candidates = await context.github.pullRequestsForCommit(sha);
  return candidates.find(
    (pr) =>
      pr.mergedAt !== null && pr.baseRef === branch && (pr.mergeCommitSha === sha || pr.headSha === sha),
  );
}
