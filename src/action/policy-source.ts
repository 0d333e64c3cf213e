import { ConfigurationError } from '../errors.js';
import {
  parsePolicy,
  policyFor,
  POLICY_PATH,
  strictest,
  tighten,
  type EnvironmentPolicy,
  type PolicyFile,
} from '../policy/policy.js';
import type { ModeContext } from './context.js';

/** The policy a run is judged by, per environment (the environment may come from the files). */
export interface PolicySource {
  of(environment: string | undefined): EnvironmentPolicy;
  /** The policy file differs between a base and the commit judged: that always needs approval. */
  changed: boolean;
}

/** The policy a run was judged by, and whether the change edits the policy file. */
export interface ActionPolicy {
  policy: EnvironmentPolicy;
  changed: boolean;
}

/** A policy file as it is at one commit (undefined where there is none), named for messages. */
interface PolicyAt {
  file: PolicyFile | undefined;
  bytes: Buffer | undefined;
  source: string;
}

/**
 * The policy as it is on the base, read through the API, never from the checkout, so that a
 * change under review cannot judge itself. `bases`: the commits the change is judged against,
 * the first being the one whose approvers count (the pull request's base; for a deploy, where
 * the branch pointed before, and the merged pull request's base). With `alsoHead`, the head's
 * limits and windows apply too when they are stricter (a deploy honours a freeze the change
 * adds). Inputs only tighten it.
 */
export async function policyForAction(
  context: ModeContext,
  commits: { bases: readonly string[]; head: string; alsoHead?: boolean },
): Promise<PolicySource> {
  const bases = [...new Set(commits.bases)];
  const [head, ...atBases] = await Promise.all([commits.head, ...bases].map((ref) => policyAt(context, ref)));
  const judged = atBases.length > 0 ? atBases : [head!];
  if (!judged[0]!.file) context.io.info(`No ${judged[0]!.source}: the built-in defaults apply.`);
  const changed = atBases.some((base) => !sameBytes(base.bytes, head!.bytes));
  if (changed)
    context.io.info(`The policy file ${POLICY_PATH} changes in this change: it needs an approval.`);
  const { settings } = context;
  const others = [...judged.slice(1), ...(commits.alsoHead && atBases.length > 0 ? [head!] : [])];
  return {
    changed,
    of: (environment) => {
      const resolve = (at: PolicyAt) =>
        policyFor(at.file, environment, at.file ? at.source : 'built-in defaults');
      return tighten(strictest(resolve(judged[0]!), others.map(resolve)), {
        thresholds: settings.thresholdLimits,
        requiredApprovals: settings.requiredApprovals,
        approvers: settings.approvers,
      });
    },
  };
}

async function policyAt(context: ModeContext, ref: string): Promise<PolicyAt> {
  const source = `${POLICY_PATH} at ${/^[0-9a-f]{40}$/.test(ref) ? ref.slice(0, 7) : ref}`;
  const bytes = await context.github.fileAt(POLICY_PATH, ref);
  if (bytes === undefined) return { file: undefined, bytes, source };
  if (bytes === 'too-large')
    throw new ConfigurationError(
      `${source} is larger than the 1 MB the contents API serves inline.`,
      'A policy file is a few kilobytes: shorten it.',
    );
  return { file: parsePolicy(source, bytes), bytes, source };
}

const sameBytes = (a: Buffer | undefined, b: Buffer | undefined): boolean =>
  a === undefined || b === undefined ? a === b : a.equals(b);
