import {
  contractColumns,
  type ConsumerContract,
  type ContractKey,
  type ContractTable,
} from './contract-file.js';
import { finding, type Finding } from './findings.js';
import { parseTypedValue } from './typed-value.js';
import type { DesiredRow, TableConfig } from './types.js';

/**
 * Checks every config against the contracts of the consumers that read its table: a value a
 * consumer could not use (as the runtime reader would type it) is an error at the config's
 * cell; a key or table the contract names and no config has is a finding at the contract.
 */
export function checkContracts(
  configs: readonly TableConfig[],
  contracts: readonly ConsumerContract[],
): Finding[] {
  const findings: Finding[] = [];
  for (const contract of contracts) {
    for (const table of contract.tables) {
      // Tables are matched by name: a config that names its table by id cannot be matched.
      const matching = configs.filter((config) => config.table.name === table.name);
      if (matching.length === 0) {
        findings.push(
          finding(
            'contract-table-missing',
            contract.file,
            table.position,
            `Consumer "${contract.consumer}" reads table "${table.name}", but no config file defines it.`,
            { table: table.name },
          ),
        );
      }
      for (const config of matching) checkTable(config, contract, table, findings);
    }
  }
  return findings;
}

function checkTable(
  config: TableConfig,
  contract: ConsumerContract,
  table: ContractTable,
  findings: Finding[],
): void {
  const { valueColumn, typeColumn } = contractColumns(table);
  if (!config.columns.some((column) => column.name === valueColumn)) {
    findings.push(
      finding(
        'contract-column-missing',
        contract.file,
        table.position,
        `Consumer "${contract.consumer}" reads values from column "${valueColumn}" of table "${table.name}", which ${config.file} does not define.`,
        { table: table.name, field: valueColumn },
      ),
    );
    return;
  }
  const rows = new Map(config.rows.map((row) => [row.key, row]));
  // A row that leaves its kind out has the typing column's default, as validate reads it.
  const defaultKind = config.columns.find((column) => column.name === typeColumn)?.default;
  for (const key of table.keys) {
    const row = rows.get(key.name);
    if (!row) {
      findings.push(missingKey(config, contract, table, key));
      continue;
    }
    if (key.expected === undefined) continue;
    const kind = row.cells[typeColumn] ?? defaultKind;
    const problem = valueProblem(row, valueColumn, kind === undefined ? undefined : String(kind), table, key);
    if (problem === undefined) continue;
    findings.push(
      finding(
        'contract-value',
        config.file,
        row.cellPositions[valueColumn] ?? row.position,
        `Row "${key.name}": consumer "${contract.consumer}" (${contract.file}:${key.position.line}) cannot use this value: ${problem}.`,
        { table: table.name, key: key.name, field: valueColumn },
      ),
    );
  }
}

/** Why the reader would not serve the row's value to this consumer; undefined when it would. */
function valueProblem(
  row: DesiredRow,
  valueColumn: string,
  kind: string | undefined,
  table: ContractTable,
  key: ContractKey,
): string | undefined {
  const parsed = parseTypedValue(row.cells[valueColumn], kind);
  if (!parsed.ok) return parsed.problem;
  return table.checker.check(key.name, parsed.value);
}

function missingKey(
  config: TableConfig,
  contract: ConsumerContract,
  table: ContractTable,
  key: ContractKey,
): Finding {
  const message = `Consumer "${contract.consumer}" reads key "${key.name}" of table "${table.name}", but ${config.file} has no such row`;
  return key.required
    ? finding('contract-required-key-missing', contract.file, key.position, `${message}.`, {
        table: table.name,
        key: key.name,
      })
    : finding(
        'contract-key-missing',
        contract.file,
        key.position,
        `${message}; the consumer will serve its safe default.`,
        { table: table.name, key: key.name },
      );
}
