import { contractFindings } from '../config/contracts.js';
import { hasErrors, sortFindings } from '../config/findings.js';
import { renderFindingsText } from '../config/report.js';
import { validateConfigFiles } from '../config/validate.js';
import { systemClock } from '../clock.js';
import type { PlanRead } from '../deploy/guard.js';
import type { GenesysClient } from '../genesys/client.js';
import { DEFAULT_THRESHOLDS } from '../plan/thresholds.js';
import { environmentOf, planConfigs } from '../plan/plan-configs.js';
import type { Plan } from '../plan/types.js';
import type { EnvironmentPolicy } from '../policy/policy.js';
import {
  checkConnectionOptions,
  clientFromOptions,
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
} from './connection.js';
import { ioLogger, isTty, writeLine, type CliIo } from './io.js';
import { oneOf } from './options.js';
import { CONTRACTS_HELP, CONTRACTS_OPTION } from './contract-options.js';
import { POLICY_HELP, POLICY_OPTION, policyFromOptions } from './policy-options.js';

/** Options of every command that plans from config files (plan, apply). */
export const PLANNING_OPTIONS = {
  config: { type: 'string', multiple: true },
  environment: { type: 'string' },
  deployment: { type: 'string' },
  strategy: { type: 'string' },
  'max-changed-rows': { type: 'string' },
  'max-changed-percent': { type: 'string' },
  'max-deleted-rows': { type: 'string' },
  'max-total-changed-rows': { type: 'string' },
  ...POLICY_OPTION,
  ...CONTRACTS_OPTION,
  ...CONNECTION_OPTIONS,
} as const;

export const PLANNING_HELP = `  --config GLOB          config files (repeatable; further arguments are files too)
  --environment E        only files bound to E (and files bound to none); required when
                         the files bind to more than one environment
  --deployment NAME      the deployment the plan is bound to (default: the environment,
                         else "default"); "apply --plan" refuses a plan of another one
  --strategy S           auto (default), rows or import: how rows are written
${POLICY_HELP}
${CONTRACTS_HELP}
${CONNECTION_HELP}

Thresholds (above them the plan needs an approval); they only tighten the policy's:
  --max-changed-rows N        per table (default ${DEFAULT_THRESHOLDS.maxChangedRows})
  --max-changed-percent P     per table, of its live rows; decimals allowed (default ${DEFAULT_THRESHOLDS.maxChangedPercent})
  --max-deleted-rows N        per table (default ${DEFAULT_THRESHOLDS.maxDeletedRows})
  --max-total-changed-rows N  across all tables (default ${DEFAULT_THRESHOLDS.maxTotalChangedRows})`;

type PlanningValues = {
  [name in keyof typeof PLANNING_OPTIONS]?: name extends 'config' | 'contracts' ? string[] : string;
};

export type Planned =
  { plan: Plan; client: GenesysClient; policy: EnvironmentPolicy; planRead: PlanRead } | { invalid: true };

/**
 * Validates the config files, reads their live tables and builds the plan, reporting progress
 * and findings on stderr. `{ invalid: true }` means the files are not valid (nothing was read).
 */
export async function planFromConfigFiles(
  values: PlanningValues,
  files: string[],
  io: CliIo,
  cwd: string,
): Promise<Planned> {
  const strategy = oneOf('strategy', values.strategy, ['auto', 'rows', 'import'], 'auto');
  const environment = values.environment;
  checkConnectionOptions(io, values);
  // Read before the config files: a broken policy or option stops the command first.
  const policyOf = await policyFromOptions(values, cwd, (message) =>
    writeLine(io.stderr, `warning: ${message}`),
  );
  const validation = await validateConfigFiles([...(values.config ?? []), ...files], { cwd });
  // A config that would break a consumer is refused here, before any call to Genesys.
  const contracts = await contractFindings(validation.configs, { cwd, patterns: values.contracts });
  const findings = sortFindings([...validation.findings, ...contracts.findings]);
  if (hasErrors(findings)) {
    const checked = [...validation.files, ...contracts.files];
    io.stderr.write(renderFindingsText(findings, checked, { color: isTty(io.stderr) }));
    writeLine(io.stderr, 'error: the config files are not valid; nothing was planned.');
    return { invalid: true };
  }
  const client = clientFromOptions(io, values);
  const policy = policyOf(environmentOf(validation.configs, environment));
  // Kept for apply: the plan's read is its stale-plan guard and backup (see deploy/guard.ts).
  const planRead: PlanRead = { tables: [], readAt: systemClock.now() };
  const plan = await planConfigs(validation.configs, client, {
    environment,
    deployment: values.deployment,
    thresholds: policy.thresholds,
    strategy,
    logger: ioLogger(io),
    onRead: (snapshot) => (planRead.tables = snapshot),
  });
  return { plan, client, policy, planRead };
}
