import { compareWithLive } from '../config/evolution.js';
import { finding, hasErrors, sortFindings, type Finding } from '../config/findings.js';
import { renderFindingsJson, renderFindingsText } from '../config/report.js';
import { tableLabel, type TableConfig } from '../config/types.js';
import { validateConfigFiles } from '../config/validate.js';
import { describeError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import {
  checkConnectionOptions,
  clientFromOptions,
  CONNECTION_HELP,
  CONNECTION_OPTIONS,
} from './connection.js';
import type { CliIo } from './io.js';
import { isTty, writeLine } from './io.js';
import { oneOf, parseOptions } from './options.js';
import { POLICY_HELP, POLICY_OPTION } from './policy-options.js';
import { CONTRACTS_HELP, CONTRACTS_OPTION } from './contract-options.js';
import { contractFindings } from '../config/contracts.js';
import { localPolicyFindings } from '../policy/local-policy.js';

const HELP = `Usage: datatable-deploy validate [--config GLOB]... [FILE]... [--format text|json] [--strict]
                                 [--contracts GLOB]... [--against-live [connection options]]

Checks config files without calling Genesys Cloud: YAML, structure, column settings, every row
and value, limits, and the secret and personal-data guard; and the policy file, when there is
one; and every config against its consumers' contracts. Findings name file:line:column, the
rule and the fix.

  --config GLOB    a file or a glob (expanded here, quote it or not); repeatable.
                   Further arguments are files too. Default: datatables/**/*.{yml,yaml}
  --format F       text (default) or json
  --strict         warnings fail too
  --against-live   also read each table's live schema and refuse removed, renamed or
                   retyped columns (needs the GENESYSCLOUD_* connection settings)
${POLICY_HELP}
${CONTRACTS_HELP}
${CONNECTION_HELP}

Exit codes: 0 valid, 1 findings (errors, or warnings with --strict) or an error.`;

export async function runValidateCommand(args: string[], io: CliIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  // Extra arguments are config paths too: an unquoted --config glob arrives expanded by the shell.
  const { values, positionals } = parseOptions(
    'validate',
    args,
    {
      config: { type: 'string', multiple: true },
      format: { type: 'string' },
      strict: { type: 'boolean' },
      'against-live': { type: 'boolean' },
      ...POLICY_OPTION,
      ...CONTRACTS_OPTION,
      ...CONNECTION_OPTIONS,
    },
    { allowPositionals: true },
  );
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const format = oneOf('format', values.format, ['text', 'json'], 'text');
  if (values['against-live']) checkConnectionOptions(io, values);
  const result = await validateConfigFiles([...(values.config ?? []), ...positionals], { cwd });
  const policy = await localPolicyFindings(cwd, values.policy);
  const contracts = await contractFindings(result.configs, { cwd, patterns: values.contracts });
  let findings = sortFindings([...result.findings, ...policy.findings, ...contracts.findings]);
  const files = [...result.files, ...policy.files, ...contracts.files];
  if (values['against-live'] && !hasErrors(findings)) {
    const client = clientFromOptions(io, values);
    findings = sortFindings([...findings, ...(await checkAgainstLive(result.configs, client.tables))]);
  }
  const output =
    format === 'json'
      ? renderFindingsJson(findings, files)
      : renderFindingsText(findings, files, { color: isTty(io.stdout) });
  io.stdout.write(output);
  const failing = hasErrors(findings) || (values.strict === true && findings.length > 0);
  return failing ? 1 : 0;
}

/**
 * Schema evolution against each live table; a table that does not exist yet is fine, and a
 * tombstone has no columns to compare (it deletes the table).
 */
async function checkAgainstLive(configs: TableConfig[], tables: DataTablesApi): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const config of configs) {
    if (config.delete) continue;
    try {
      const live =
        config.table.id !== undefined
          ? await tables.getTable(config.table.id)
          : await tables.findTableByName(config.table.name!);
      // One by one: a spread of a very long list overflows the call's argument limit.
      if (live?.schema) for (const item of compareWithLive(config, live.schema).findings) findings.push(item);
    } catch (error) {
      findings.push(
        finding(
          'live-table-unreadable',
          config.file,
          config.position,
          `Table ${tableLabel(config)} could not be read: ${describeError(error)}`,
          { table: tableLabel(config) },
        ),
      );
    }
  }
  return findings;
}
