import { parsePolicy, policyFor, POLICY_PATH, tighten, type EnvironmentPolicy } from '../policy/policy.js';
import type { ModeContext } from './context.js';

export interface ActionPolicy {
  policy: EnvironmentPolicy;
  /** The policy file differs between the base and the commit judged: that always needs approval. */
  changed: boolean;
}

/**
 * The policy as it is on the base: the pull request's base commit, or for a deploy the commit
 * the branch pointed at before (the merge's first parent). Read through the API, never from the
 * checkout, so a change under review cannot judge itself. Inputs only tighten it.
 */
export async function policyForAction(
  context: ModeContext,
  commits: { base: string | undefined; head: string },
): Promise<ActionPolicy> {
  const { github, settings, io } = context;
  const base = commits.base ?? commits.head;
  const [baseBytes, headBytes] = await Promise.all([
    github.fileAt(POLICY_PATH, base),
    commits.base ? github.fileAt(POLICY_PATH, commits.head) : undefined,
  ]);
  const where = `${POLICY_PATH} at ${base.slice(0, 7)}`;
  if (!baseBytes) io.info(`No policy file at ${where}: the built-in defaults apply.`);
  const file = baseBytes ? parsePolicy(where, baseBytes) : undefined;
  const policy = tighten(policyFor(file, settings.environment, baseBytes ? where : 'built-in defaults'), {
    thresholds: settings.thresholdLimits,
    requiredApprovals: settings.requiredApprovals,
    approvers: settings.approvers,
  });
  const changed =
    commits.base !== undefined && !sameBytes(baseBytes, headBytes) && commits.base !== commits.head;
  if (changed) io.info(`The policy file ${POLICY_PATH} changes in this change: it needs an approval.`);
  return { policy, changed };
}

const sameBytes = (a: Buffer | undefined, b: Buffer | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.equals(b);
