import { writeFile } from 'node:fs/promises';
import { hasErrors } from '../config/findings.js';
import { renderFindingsText } from '../config/report.js';
import { tableLabel } from '../config/types.js';
import { validateConfigFiles } from '../config/validate.js';
import { ConfigurationError } from '../errors.js';
import { buildPlan } from '../plan/build.js';
import { serializePlan } from '../plan/plan-file.js';
import { renderMarkdown } from '../plan/render-markdown.js';
import { renderText } from '../plan/render-text.js';
import { readSnapshot } from '../plan/snapshot.js';
import { DEFAULT_THRESHOLDS, type ThresholdSettings } from '../plan/thresholds.js';
import { clientFromOptions, CONNECTION_HELP, CONNECTION_OPTIONS } from './connection.js';
import { isTty, writeLine, type CliIo } from './io.js';
import { oneOf, parseOptions, wholeNumber } from './options.js';

const HELP = `Usage: datatable-deploy plan [--config GLOB]... [FILE]... [--environment E]
                             [--format text|markdown|json] [--out FILE] [--detailed-exitcode]
                             [threshold options] [connection options]

Validates the config files, reads the live tables (in pages, within the rate budget) and shows
what a deploy would change: tables and columns to create, rows to create, update (cell by
cell) and delete, and whether the change needs an approval.

  --config GLOB          config files (repeatable; further arguments are files too)
  --environment E        plan only files bound to E (and files bound to none)
  --format F             text (default), markdown (the PR comment) or json (the plan)
  --out FILE             also write the plan as JSON, for "apply --plan FILE"
  --detailed-exitcode    exit 2 when there are changes
  --strategy S           auto (default), rows or import: how apply would write rows
${CONNECTION_HELP}

Thresholds (above them the plan needs an approval):
  --max-changed-rows N        per table (default ${DEFAULT_THRESHOLDS.maxChangedRows})
  --max-changed-percent P     per table, of its live rows (default ${DEFAULT_THRESHOLDS.maxChangedPercent})
  --max-deleted-rows N        per table (default ${DEFAULT_THRESHOLDS.maxDeletedRows})
  --max-total-changed-rows N  across all tables (default ${DEFAULT_THRESHOLDS.maxTotalChangedRows})

Exit codes: 0 planned (no changes, with --detailed-exitcode), 2 changes (with
--detailed-exitcode), 1 invalid config, blocked plan or error.`;

export async function runPlanCommand(args: string[], io: CliIo, cwd = process.cwd()): Promise<number> {
  const { values, positionals } = parseOptions(
    'plan',
    args,
    {
      config: { type: 'string', multiple: true },
      environment: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'detailed-exitcode': { type: 'boolean' },
      strategy: { type: 'string' },
      'max-changed-rows': { type: 'string' },
      'max-changed-percent': { type: 'string' },
      'max-deleted-rows': { type: 'string' },
      'max-total-changed-rows': { type: 'string' },
      ...CONNECTION_OPTIONS,
    },
    { allowPositionals: true },
  );
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const format = oneOf('format', values.format, ['text', 'markdown', 'json'], 'text');
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

  const validation = await validateConfigFiles([...(values.config ?? []), ...positionals], { cwd });
  if (hasErrors(validation.findings)) {
    io.stderr.write(renderFindingsText(validation.findings, validation.files, { color: isTty(io.stderr) }));
    writeLine(io.stderr, 'error: the config files are not valid; nothing was planned.');
    return 1;
  }
  const environment = values.environment;
  const configs = validation.configs.filter((config) => {
    const included =
      environment === undefined || config.environment === undefined || config.environment === environment;
    if (!included)
      writeLine(io.stderr, `skipping ${config.file}: bound to environment "${config.environment}"`);
    return included;
  });
  if (configs.length === 0) {
    throw new ConfigurationError(
      `No config file is bound to environment "${environment}".`,
      'Check --environment, or the "environment:" of the files.',
    );
  }

  const client = clientFromOptions(io, values);
  writeLine(
    io.stderr,
    `Reading ${configs.length} table${configs.length === 1 ? '' : 's'} from ${client.endpoints.apiBase}…`,
  );
  const snapshot = await readSnapshot(client.tables, configs, {
    onTable: (name, rows) => writeLine(io.stderr, `  ${name}: ${rows} rows`),
  });
  configs.forEach((config, index) => {
    if (!snapshot[index]) writeLine(io.stderr, `  ${tableLabel(config)}: does not exist yet`);
  });
  const plan = buildPlan(configs, snapshot, {
    environment,
    apiHost: new URL(client.endpoints.apiBase).host,
    thresholds,
    ratePerMinute: client.budget.stats().currentRatePerMinute,
    strategy,
  });
  if (values.out) {
    await writeFile(values.out, serializePlan(plan));
    writeLine(io.stderr, `Wrote the plan to ${values.out} (${plan.digest}).`);
  }
  const output =
    format === 'json'
      ? serializePlan(plan)
      : format === 'markdown'
        ? renderMarkdown(plan)
        : renderText(plan, { color: isTty(io.stdout) });
  io.stdout.write(output);
  if (plan.verdict === 'blocked') return 1;
  if (values['detailed-exitcode'] && plan.verdict !== 'no-changes') return 2;
  return 0;
}
