import { hasErrors } from '../config/findings.js';
import { renderFindingsText } from '../config/report.js';
import { validateConfigFiles } from '../config/validate.js';
import type { GenesysClient } from '../genesys/client.js';
import { DEFAULT_THRESHOLDS, type ThresholdSettings } from '../plan/thresholds.js';
import { planConfigs } from '../plan/plan-configs.js';
import type { Plan } from '../plan/types.js';
import { clientFromOptions, CONNECTION_HELP, CONNECTION_OPTIONS } from './connection.js';
import { ioLogger, isTty, writeLine, type CliIo } from './io.js';
import { oneOf, wholeNumber } from './options.js';

/** Options of every command that plans from config files (plan, apply). */
export const PLANNING_OPTIONS = {
  config: { type: 'string', multiple: true },
  environment: { type: 'string' },
  strategy: { type: 'string' },
  'max-changed-rows': { type: 'string' },
  'max-changed-percent': { type: 'string' },
  'max-deleted-rows': { type: 'string' },
  'max-total-changed-rows': { type: 'string' },
  ...CONNECTION_OPTIONS,
} as const;

export const PLANNING_HELP = `  --config GLOB          config files (repeatable; further arguments are files too)
  --environment E        only files bound to E (and files bound to none)
  --strategy S           auto (default), rows or import: how rows are written
${CONNECTION_HELP}

Thresholds (above them the plan needs an approval):
  --max-changed-rows N        per table (default ${DEFAULT_THRESHOLDS.maxChangedRows})
  --max-changed-percent P     per table, of its live rows (default ${DEFAULT_THRESHOLDS.maxChangedPercent})
  --max-deleted-rows N        per table (default ${DEFAULT_THRESHOLDS.maxDeletedRows})
  --max-total-changed-rows N  across all tables (default ${DEFAULT_THRESHOLDS.maxTotalChangedRows})`;

type PlanningValues = { [name in keyof typeof PLANNING_OPTIONS]?: name extends 'config' ? string[] : string };

export type Planned = { plan: Plan; client: GenesysClient } | { invalid: true };

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
  const thresholds: ThresholdSettings = {
    ...DEFAULT_THRESHOLDS,
    maxChangedRows: wholeNumber(
      'max-changed-rows',
      values['max-changed-rows'],
      DEFAULT_THRESHOLDS.maxChangedRows,
    ),
    maxChangedPercent: wholeNumber(
      'max-changed-percent',
      values['max-changed-percent'],
      DEFAULT_THRESHOLDS.maxChangedPercent,
    ),
    maxDeletedRows: wholeNumber(
      'max-deleted-rows',
      values['max-deleted-rows'],
      DEFAULT_THRESHOLDS.maxDeletedRows,
    ),
    maxTotalChangedRows: wholeNumber(
      'max-total-changed-rows',
      values['max-total-changed-rows'],
      DEFAULT_THRESHOLDS.maxTotalChangedRows,
    ),
  };
  const validation = await validateConfigFiles([...(values.config ?? []), ...files], { cwd });
  if (hasErrors(validation.findings)) {
    io.stderr.write(renderFindingsText(validation.findings, validation.files, { color: isTty(io.stderr) }));
    writeLine(io.stderr, 'error: the config files are not valid; nothing was planned.');
    return { invalid: true };
  }
  const client = clientFromOptions(io, values);
  const plan = await planConfigs(validation.configs, client, {
    environment: values.environment,
    thresholds,
    strategy,
    logger: ioLogger(io),
  });
  return { plan, client };
}
