import { userInfo } from 'node:os';
import { RefusedError } from '../errors.js';
import { parseThresholdLimits } from '../policy/limits.js';
import { readLocalPolicy } from '../policy/local-policy.js';
import { POLICY_PATH, tighten, type EnvironmentPolicy } from '../policy/policy.js';
import { judgeWindow } from '../policy/window-gate.js';
import { writeLine, type CliIo } from './io.js';

export const POLICY_OPTION = { policy: { type: 'string' } } as const;
export const EMERGENCY_OPTION = { 'emergency-reason': { type: 'string' } } as const;

export const POLICY_HELP = `  --policy FILE          the deploy policy (default ${POLICY_PATH} when it exists, else
                         the built-in thresholds): thresholds and change windows`;
export const EMERGENCY_HELP = `  --emergency-reason R   start outside the policy's change windows or in a freeze; granted
                         only when the actor is one of the environment's emergency approvers`;

type ThresholdValues = Partial<
  Record<'max-changed-rows' | 'max-changed-percent' | 'max-deleted-rows' | 'max-total-changed-rows', string>
>;

/**
 * The policy of each environment, tightened by the threshold options (they never loosen it).
 * The file and the options are read at once, so that a mistake in either stops the command
 * before anything else.
 */
export async function policyFromOptions(
  values: ThresholdValues & { policy?: string | undefined },
  cwd: string,
): Promise<(environment: string | undefined) => EnvironmentPolicy> {
  const policyOf = await readLocalPolicy(cwd, values.policy);
  const thresholds = parseThresholdLimits(
    (name) => values[name],
    (name) => `--${name}`,
  );
  return (environment) => tighten(policyOf(environment), { thresholds });
}

/** Who runs the command: --actor, else GITHUB_ACTOR, else the user name. */
export function actorOf(values: { actor?: string | undefined }, io: CliIo): string {
  if (values.actor) return values.actor;
  if (io.env.GITHUB_ACTOR) return io.env.GITHUB_ACTOR;
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * Refuses (exit 3) a deploy or restore that would start outside the change windows, unless an
 * emergency approver asks for the override with a reason. On a workstation the actor is who
 * the person says they are: the org's credentials are the real gate there.
 */
export function requireOpenWindow(
  policy: EnvironmentPolicy,
  values: { 'emergency-reason'?: string | undefined },
  actor: string,
  io: CliIo,
): void {
  const decision = judgeWindow(policy, new Date(), { reason: values['emergency-reason'], grantors: [actor] });
  if (!decision.allowed)
    throw new RefusedError(decision.refusal!, 'Wait for the window, or ask an emergency approver.');
  if (decision.override)
    writeLine(
      io.stderr,
      `warning: emergency override of the change window by ${decision.override.grantedBy.join(', ')}: ${decision.override.reason}`,
    );
}
