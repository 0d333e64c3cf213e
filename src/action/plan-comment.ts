import type { Plan } from '../plan/types.js';
import { POLICY_PATH } from '../policy/policy.js';
import type { WindowStatus } from '../policy/windows.js';
import { statusContext, type ModeContext } from './context.js';
import type { GateDecision } from './gate.js';
import type { ActionPolicy } from './policy-source.js';

const users = (list: readonly string[]) => list.map((user) => `\`${user}\``).join(', ');

/**
 * The gate part of the plan comment: which digest an approval binds to, the policy it is judged
 * by, and where the approvals stand.
 */
export function gateSection(
  plan: Plan,
  { policy, changed }: ActionPolicy,
  gate: GateDecision | undefined,
  where: { deployment: string; headSha: string },
): string {
  const lines: string[] = [];
  if (changed)
    lines.push(
      `⚠️ **This change edits the policy file \`${POLICY_PATH}\`.** It is judged by the policy of the base branch, and it needs an approval whatever the plan.`,
    );
  if (gate) {
    const who =
      policy.approvals.approvers.length > 0
        ? `one of ${users(policy.approvals.approvers)}`
        : 'reviewers with write, maintain or admin permission (not the author)';
    lines.push(
      `**An approval binds to plan \`${plan.digest}\`**, as announced in the \`${statusContext(where.deployment)}\` status of commit ${where.headSha.slice(0, 7)} (that status, not this comment, is the record). It counts only while this plan stays the current one: a new commit, a live edit of the tables or another deploy gives a new plan, and approvals of this one then no longer count.`,
    );
    lines.push(`Policy: ${policy.source}; ${policy.approvals.required} approval(s) from ${who}.`);
    lines.push(
      gate.approved
        ? `**Approval:** ✅ approved by ${users(gate.approvedBy)}.`
        : `**Approval:** ⏳ ${gate.approvedBy.length} of ${gate.required} approval(s) of this plan.`,
    );
    if (gate.changesRequestedBy.length > 0)
      lines.push(
        `- 🛑 Changes requested by ${users(gate.changesRequestedBy)}: the gate stays shut until they approve or their review is dismissed.`,
      );
    for (const item of gate.ignored)
      lines.push(`- \`${item.user}\`'s approval does not count: ${item.reason}.`);
  }
  return lines.length > 0 ? `\n${lines.join('\n')}\n` : '';
}

/** Whether a deploy would fall in a change window now. */
export function windowSection(status: WindowStatus, context: ModeContext): string {
  const environment = context.settings.environment ? ` (${context.settings.environment})` : '';
  return status.open
    ? `**Change window${environment}:** ${status.text}.\n`
    : `**Change window${environment}:** 🚫 ${status.text}. A deploy that starts now is refused unless an emergency approver overrides it.\n`;
}
