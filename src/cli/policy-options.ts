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
  warn: (message: string) => void = () => {},
): Promise<(environment: string | undefined) => EnvironmentPolicy> {
  const policyOf = await readLocalPolicy(cwd, values.policy);
  const thresholds = parseThresholdLimits(
    (name) => values[name],
    (name) => `--${name}`,
  );
  const warned = new Set<string>();
  return (environment) => {
    const policy = policyOf(environment);
    // An option looser than the policy is not an error (scripts pass fixed values), but it
    // must not look as if it took effect.
    for (const [field, value] of Object.entries(thresholds) as Array<
      [keyof typeof policy.thresholds, number]
    >) {
      const limit = policy.thresholds[field];
      if (typeof limit !== 'number' || value <= limit || warned.has(field)) continue;
      warned.add(field);
      warn(
        `--${optionName(field)} ${value} is looser than the policy's ${limit}${environment ? ` for ${environment}` : ''}; the policy's limit applies (the options only tighten it).`,
      );
    }
    return tighten(policy, { thresholds });
  };
}

/** maxDeletedRows → max-deleted-rows. */
const optionName = (field: string): string => field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

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
