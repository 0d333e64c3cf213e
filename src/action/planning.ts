import { systemClock } from '../clock.js';
import { contractFindings } from '../config/contracts.js';
import type { PlanRead } from '../deploy/guard.js';
import { hasErrors } from '../config/findings.js';
import { validateConfigFiles } from '../config/validate.js';
import { environmentOf, planConfigs } from '../plan/plan-configs.js';
import type { Plan } from '../plan/types.js';
import { localPolicyFindings } from '../policy/local-policy.js';
import type { EnvironmentPolicy } from '../policy/policy.js';
import { findingsSummary } from './findings-summary.js';
import type { PolicySource } from './policy-source.js';
import type { ModeContext, ModeOutcome } from './context.js';

export const DEFAULT_CONFIG = ['datatables/**/*.{yml,yaml}'];

/**
 * Validates the config files and the checked-out policy file, and checks the configs against
 * the consumer contracts (as they are in the checkout: a consumer changes with its config),
 * annotating every finding;
 * `undefined` when they are invalid.
 */
export async function validateForAction(context: ModeContext) {
  const result = await validateConfigFiles(
    context.settings.config.length > 0 ? context.settings.config : DEFAULT_CONFIG,
    { cwd: context.run.workspace },
  );
  const policy = await localPolicyFindings(context.run.workspace, undefined);
  const contracts = await contractFindings(result.configs, {
    cwd: context.run.workspace,
    patterns: context.settings.contracts,
  });
  const findings = [...result.findings, ...policy.findings, ...contracts.findings];
  for (const item of findings) context.io.annotate(item);
  if (hasErrors(findings)) {
    await context.io.summary(findingsSummary(findings));
    return undefined;
  }
  return result;
}

/**
 * Validates the config files, then plans them under the policy of their environment (the
 * input, else the one the files bind to). `undefined` when the files are not valid.
 */
export async function planForAction(
  context: ModeContext,
  source: PolicySource,
): Promise<{ plan: Plan; policy: EnvironmentPolicy; planRead: PlanRead } | undefined> {
  const validation = await validateForAction(context);
  if (!validation) return undefined;
  const policy = source.of(environmentOf(validation.configs, context.settings.environment));
  // Kept for a deploy in this run: the plan's read is its stale-plan guard and backup.
  const planRead: PlanRead = { tables: [], readAt: systemClock.now() };
  const plan = await planConfigs(validation.configs, context.genesys(), {
    environment: context.settings.environment,
    deployment: context.settings.deployment,
    thresholds: policy.thresholds,
    logger: context.io,
    onRead: (snapshot) => (planRead.tables = snapshot),
  });
  return { plan, policy, planRead };
}

/** Outputs every mode that planned sets. */
export function planOutputs(plan: Plan): Record<string, string> {
  return {
    'plan-digest': plan.digest,
    'changed-rows': String(plan.totals.creates + plan.totals.updates + plan.totals.deletes),
    'requires-approval': String(plan.verdict === 'needs-approval'),
  };
}

/** What a mode returns when the config files are not valid (the findings are annotations). */
export const INVALID_CONFIG: ModeOutcome = {
  result: 'failed',
  outputs: {},
  failure:
    'The config files or the policy file are not valid, or a config breaks a consumer contract; see the annotations.',
};
