import { hasErrors } from '../config/findings.js';
import { validateConfigFiles } from '../config/validate.js';
import { ConfigurationError } from '../errors.js';
import { buildPlan } from '../plan/build.js';
import { readSnapshot } from '../plan/snapshot.js';
import type { Plan } from '../plan/types.js';
import type { ModeContext, ModeOutcome } from './context.js';

export const DEFAULT_CONFIG = ['datatables/**/*.{yml,yaml}'];

/** Validates the config files, annotating every finding; `undefined` when they are invalid. */
export async function validateForAction(context: ModeContext) {
  const result = await validateConfigFiles(
    context.settings.config.length > 0 ? context.settings.config : DEFAULT_CONFIG,
    { cwd: context.run.workspace },
  );
  for (const item of result.findings) context.io.annotate(item);
  if (hasErrors(result.findings)) return undefined;
  return result;
}

/** Validates, reads the live tables and builds the plan for the configured environment. */
export async function planForAction(context: ModeContext): Promise<Plan | undefined> {
  const validation = await validateForAction(context);
  if (!validation) return undefined;
  const { environment } = context.settings;
  const configs = validation.configs.filter(
    (config) =>
      environment === undefined || config.environment === undefined || config.environment === environment,
  );
  if (configs.length === 0)
    throw new ConfigurationError(
      `No config file is bound to environment "${environment}".`,
      'Check the "environment" input and the files\' "environment:".',
    );
  const client = context.genesys();
  context.io.info(`Reading ${configs.length} table(s) from ${client.endpoints.apiBase}`);
  const snapshot = await readSnapshot(client.tables, configs, {
    onTable: (name, rows) => context.io.info(`  ${name}: ${rows} rows`),
  });
  return buildPlan(configs, snapshot, {
    environment,
    apiHost: new URL(client.endpoints.apiBase).host,
    thresholds: context.settings.thresholds,
    ratePerMinute: context.settings.connection.rateLimitPerMinute,
  });
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
  failure: 'The config files are not valid; see the annotations.',
};
