import type { EnvironmentPolicy } from './policy.js';
import { logins } from './policy.js';
import { windowStatus, type WindowStatus } from './windows.js';

/** Whether a deploy may start now under every schedule of a policy: the first that is closed, else the first. */
export function policyWindowStatus(policy: EnvironmentPolicy, now: Date): WindowStatus {
  const statuses = (policy.schedules.length > 0 ? policy.schedules : [{ windows: [], freezes: [] }]).map(
    (schedule) => windowStatus(schedule, now),
  );
  return statuses.find((status) => !status.open) ?? statuses[0]!;
}

export interface WindowDecision {
  allowed: boolean;
  status: WindowStatus;
  /** The emergency override that let a deploy start outside the windows, for the audit record. */
  override?: { reason: string; grantedBy: string[] } | undefined;
  /** Why it may not start now, and what to do (when not allowed). */
  refusal?: string | undefined;
}

/**
 * May a deploy or rollback start now? Inside a window (and no freeze): yes. Outside: only with
 * an emergency override: a reason, and one of the policy's emergency approvers among
 * `grantors` (who asked, or who approved this exact plan). A rollback that a failing deploy
 * starts is never judged here: it always runs.
 */
export function judgeWindow(
  policy: EnvironmentPolicy,
  now: Date,
  request: { reason?: string | undefined; grantors: readonly string[] },
): WindowDecision {
  const status = policyWindowStatus(policy, now);
  if (status.open) return { allowed: true, status };
  const where = policy.environment ? `environment "${policy.environment}"` : 'deploys';
  const approvers = policy.emergencyApprovers;
  const grantedBy = logins(request.grantors).filter((login) => approvers.includes(login));
  const reason = request.reason?.trim();
  if (reason && grantedBy.length > 0) return { allowed: true, status, override: { reason, grantedBy } };
  const howToOverride =
    approvers.length === 0
      ? `The policy (${policy.source}) names no emergency approvers for ${where}, so no override is possible.`
      : reason
        ? `The emergency override was asked, but none of the emergency approvers (${approvers.join(', ')}) asked for it or approved this exact plan (those who did: ${logins(request.grantors).join(', ') || 'nobody'}).`
        : `In an emergency, one of ${approvers.join(', ')} may override it with an emergency reason.`;
  return {
    allowed: false,
    status,
    refusal: `The change window of ${where} is ${status.text}. Nothing was written. ${howToOverride}`,
  };
}
