/** A pull-request review, as the REST API lists them (in chronological order). */
export interface Review {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING' | string;
  commitId: string;
}

export interface GateInput {
  reviews: readonly Review[];
  /** Repository permission per reviewer: admin, maintain, write, triage, read or none. */
  permissions: ReadonlyMap<string, string>;
  author: string;
  headSha: string;
  /** Logins allowed to approve whatever their permission (lower case). */
  approvers: readonly string[];
  required: number;
}

export interface GateDecision {
  approved: boolean;
  /** Reviewers whose approval counts. */
  approvedBy: string[];
  /** Why other approvals did not count, per reviewer. */
  ignored: Array<{ user: string; reason: string }>;
}

const MAY_APPROVE = new Set(['admin', 'maintain', 'write']);

/**
 * The approval rule: for each reviewer only their latest review that is not a comment counts;
 * it must approve the current head commit; the reviewer must not be the author and must have
 * write, maintain or admin permission (or be listed in `approvers`). `required` of those.
 */
export function evaluateGate(input: GateInput): GateDecision {
  const latest = new Map<string, Review>();
  for (const review of input.reviews) {
    if (review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(review.user.toLowerCase(), review);
  }
  const approvedBy: string[] = [];
  const ignored: GateDecision['ignored'] = [];
  for (const [user, review] of latest) {
    if (review.state !== 'APPROVED') {
      if (review.state === 'DISMISSED')
        ignored.push({ user: review.user, reason: 'the approval was dismissed' });
      continue;
    }
    const permission = input.permissions.get(user) ?? 'none';
    if (user === input.author.toLowerCase())
      ignored.push({ user: review.user, reason: 'authors cannot approve their own change' });
    else if (review.commitId !== input.headSha)
      ignored.push({
        user: review.user,
        reason: `approved an older commit (${review.commitId.slice(0, 7)})`,
      });
    else if (!MAY_APPROVE.has(permission) && !input.approvers.includes(user))
      ignored.push({
        user: review.user,
        reason: `has ${permission} permission; write, maintain or admin is needed`,
      });
    else approvedBy.push(review.user);
  }
  return { approved: approvedBy.length >= input.required, approvedBy, ignored };
}
