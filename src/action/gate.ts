/** A pull-request review, as the REST API lists them (in chronological order). */
export interface Review {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING' | string;
  commitId: string;
  /** ISO time the review was submitted (absent for PENDING reviews). */
  submittedAt: string;
}

/**
 * A plan announced on a head commit: one of the action's own commit statuses, which carries
 * the plan digest in its description. Statuses are append-only and name their creator, so
 * only the action's identity can announce, and nobody can change an announcement afterwards.
 */
export interface Announcement {
  digest: string;
  /** ISO time GitHub recorded. */
  at: string;
}

export interface GateInput {
  /** The digest of the plan being judged: the one computed now. */
  digest: string;
  /** The action's own announcements on `headSha`, in any order. */
  announcements: readonly Announcement[];
  reviews: readonly Review[];
  /** Repository permission per reviewer (lower case): admin, maintain, write, triage, read or none. */
  permissions: ReadonlyMap<string, string>;
  author: string;
  headSha: string;
  /** From the policy: lower-case logins who may approve; empty means anyone with write or more. */
  approvers: readonly string[];
  /** From the inputs: approvals count only from these (lower case); empty means no narrowing. */
  narrowedTo: readonly string[];
  required: number;
}

export interface GateDecision {
  approved: boolean;
  required: number;
  /** Reviewers whose approval of this exact plan counts. */
  approvedBy: string[];
  /** Everyone whose standing approval is bound to this plan, eligible or not (emergency overrides). */
  boundApprovals: string[];
  /** Why other approvals did not count, per reviewer. */
  ignored: Array<{ user: string; reason: string }>;
  /** Eligible reviewers whose latest review requests changes: the gate stays shut while any do. */
  changesRequestedBy: string[];
}

const MAY_APPROVE = new Set(['admin', 'maintain', 'write']);

/**
 * The approval rule. Per reviewer only the latest review that is not a comment counts (as on
 * GitHub: a COMMENTED review after an APPROVED one does not withdraw it). An approval counts
 * when it is of the current head commit, bound to this plan's digest (see {@link boundDigest}),
 * from an eligible reviewer who is not the author. A standing CHANGES_REQUESTED from any eligible
 * reviewer shuts the gate until that reviewer approves or the review is dismissed.
 */
export function evaluateGate(input: GateInput): GateDecision {
  const latest = latestReviews(input.reviews);
  const author = input.author.toLowerCase();
  const eligible = (user: string) =>
    user !== author &&
    (input.approvers.length > 0
      ? input.approvers.includes(user)
      : MAY_APPROVE.has(input.permissions.get(user) ?? 'none')) &&
    (input.narrowedTo.length === 0 || input.narrowedTo.includes(user));
  const decision: GateDecision = {
    approved: false,
    required: input.required,
    approvedBy: [],
    boundApprovals: [],
    ignored: [],
    changesRequestedBy: [],
  };
  for (const [user, review] of latest) {
    if (review.state === 'CHANGES_REQUESTED' && eligible(user)) decision.changesRequestedBy.push(review.user);
    if (review.state === 'DISMISSED')
      decision.ignored.push({ user: review.user, reason: 'the review was dismissed' });
    if (review.state !== 'APPROVED') continue;
    const unbound = whyNotBound(review, input);
    if (unbound) {
      decision.ignored.push({ user: review.user, reason: unbound });
      continue;
    }
    decision.boundApprovals.push(review.user);
    if (user === author)
      decision.ignored.push({ user: review.user, reason: 'authors cannot approve their own change' });
    else if (!eligible(user))
      decision.ignored.push({ user: review.user, reason: whyNotEligible(user, input) });
    else decision.approvedBy.push(review.user);
  }
  decision.approved =
    decision.changesRequestedBy.length === 0 && decision.approvedBy.length >= Math.max(1, input.required);
  return decision;
}

/** Each reviewer's latest review that is not a comment or pending, by lower-case login. */
function latestReviews(reviews: readonly Review[]): Map<string, Review> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    const state = review.state.toUpperCase();
    if (state === 'COMMENTED' || state === 'PENDING') continue;
    latest.set(review.user.toLowerCase(), { ...review, state });
  }
  return latest;
}

/** Why an approval is not bound to the plan being judged, or undefined when it is. */
function whyNotBound(review: Review, input: GateInput): string | undefined {
  if (review.commitId !== input.headSha) return `approved an older commit (${review.commitId.slice(0, 7)})`;
  const bound = boundDigest(input.announcements, review.submittedAt);
  if (bound.digest === undefined) return 'approved before any plan was announced on this commit';
  if (bound.changedAfter)
    return `approved plan ${short(bound.digest)}, and a different plan was announced after the approval`;
  if (bound.digest !== input.digest) return `approved plan ${short(bound.digest)}, not this plan`;
  return undefined;
}

/**
 * The digest an approval submitted at `at` binds to: the latest one announced at or before it.
 * `changedAfter` is true when another digest was announced after it. GitHub's times have whole
 * seconds, so an announcement in the same second may have come before or after: if that leaves
 * two possible digests, the approval binds to neither.
 */
export function boundDigest(
  announcements: readonly Announcement[],
  at: string,
): { digest: string | undefined; changedAfter: boolean } {
  const time = second(at);
  if (!Number.isFinite(time)) return { digest: undefined, changedAfter: false };
  const timed = announcements
    .map((item) => ({ ...item, second: second(item.at) }))
    .filter((item) => Number.isFinite(item.second))
    .sort((a, b) => a.second - b.second);
  const before = timed.filter((item) => item.second < time).at(-1);
  const same = timed.filter((item) => item.second === time);
  const after = timed.filter((item) => item.second > time);
  const digest = same.at(-1)?.digest ?? before?.digest;
  if (digest === undefined) return { digest, changedAfter: false };
  const possible = new Set([...(before ? [before.digest] : []), ...same.map((item) => item.digest)]);
  return { digest, changedAfter: possible.size > 1 || after.some((item) => item.digest !== digest) };
}

/** The whole second of an ISO time: GitHub's resolution, whatever precision a time is given in. */
const second = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

function whyNotEligible(user: string, input: GateInput): string {
  if (input.narrowedTo.length > 0 && !input.narrowedTo.includes(user))
    return 'is not in the approvers input of this workflow';
  if (input.approvers.length > 0) return "is not among the policy's approvers";
  return `has ${input.permissions.get(user) ?? 'none'} permission; write, maintain or admin is needed`;
}

const short = (digest: string): string => `${digest.slice(0, 19)}…`;
