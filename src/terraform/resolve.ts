import { DEFAULT_LIMITS, type DesiredRow, type TableConfig } from '../config/types.js';
import { compareKeys } from '../plan/snapshot.js';
import { cellsFrom } from './cells.js';
import { columnsFrom, type ImportedColumns } from './columns.js';
import { shorten } from './jsonencode.js';
import { mergeSources } from './merge.js';
import { DIVISION_TYPES, findTarget, TABLE_TYPES, targetOf } from './references.js';
import {
  addressOf,
  DIVISION_TYPE,
  HOME_DIVISION_TYPE,
  ROW_TYPE,
  TABLE_TYPE,
  type ReadResult,
  type TfResource,
  type Unresolved,
  type Where,
} from './types.js';
import { isExpression, literalString } from './values.js';

const NOWHERE = { line: 0, column: 0 };

/** One table the import writes, and the Terraform addresses that hand it over. */
export interface ImportedTable {
  config: TableConfig;
  /** The table's Terraform address. */
  address: string;
  /** Each imported row's Terraform address, by row key. */
  rowAddresses: Record<string, string>;
  where: Where;
}

export interface Resolution {
  tables: ImportedTable[];
  unresolved: Unresolved[];
}

interface Building extends ImportedColumns {
  resource: TfResource;
  name: string;
  rows: DesiredRow[];
  rowAddresses: Record<string, string>;
}

/**
 * Turns what the readers found into table configs. Table names come from `name` and rows find
 * their table by following `datatable_id` (a reference in configuration, an id in state); block
 * labels are only ever used to follow references, since the exporter makes them from names
 * with sanitising and hash suffixes. Whatever cannot be resolved is reported, never guessed.
 */
export function resolveImport(
  results: readonly ReadResult[],
  options: { environment?: string } = {},
): Resolution {
  const { resources, unresolved } = mergeSources(results);
  const managed = (type: string) => resources.filter((item) => item.mode === 'managed' && item.type === type);
  const tableResources = managed(TABLE_TYPE);
  const divisions = resources.filter(
    (item) => item.type === DIVISION_TYPE || item.type === HOME_DIVISION_TYPE,
  );
  const building = new Map<string, Building>();
  const failedTables = new Set<string>();
  for (const resource of tableResources) {
    const table = buildTable(resource, building, unresolved);
    if (table) building.set(addressOf(resource), table);
    else failedTables.add(addressOf(resource));
  }
  for (const row of managed(ROW_TYPE)) {
    const table = findTarget(targetOf(row.attributes.datatable_id, TABLE_TYPES), tableResources);
    if (table && failedTables.has(addressOf(table))) continue;
    const target = table ? building.get(addressOf(table)) : undefined;
    if (!target) unresolved.push(orphan(row));
    else addRow(target, row, unresolved);
  }
  const tables = [...building.values()].map((table) => ({
    config: toConfig(table, divisionOf(table.resource, divisions, unresolved), options.environment),
    address: addressOf(table.resource),
    rowAddresses: table.rowAddresses,
    where: table.resource.where,
  }));
  return { tables, unresolved: unresolved.sort(byPlace) };
}

/** Unresolved items in reading order: by file, then line. */
function byPlace(a: Unresolved, b: Unresolved): number {
  return a.where.file.localeCompare(b.where.file) || (a.where.line ?? 0) - (b.where.line ?? 0);
}

function buildTable(
  resource: TfResource,
  built: Map<string, Building>,
  unresolved: Unresolved[],
): Building | undefined {
  const address = addressOf(resource);
  const name = literalString(resource.attributes.name);
  const columns = columnsFrom(resource.attributes);
  const problem = !name
    ? `its name ${isExpression(resource.attributes.name) ? `= ${shorten(resource.attributes.name)} needs Terraform to evaluate it` : 'is missing'}`
    : 'problem' in columns
      ? columns.problem
      : [...built.values()].some((table) => table.name === name)
        ? `another resource in the input also declares the table "${name}"`
        : undefined;
  if (problem || !name || 'problem' in columns) {
    unresolved.push({
      where: resource.where,
      address,
      message: `${problem}; the table and its rows are left out.`,
      hint: 'Write the value into the Terraform file (or import the state too, which holds it evaluated), then import again.',
    });
    return undefined;
  }
  return { resource, name, ...columns, rows: [], rowAddresses: {} };
}

function orphan(row: TfResource): Unresolved {
  const target = targetOf(row.attributes.datatable_id, TABLE_TYPES);
  const message =
    target.kind === 'resource'
      ? `datatable_id refers to ${target.address}, which is not in the input`
      : target.kind === 'id'
        ? `datatable_id is the id ${target.id} of a table that is not in the input`
        : target.kind === 'expression'
          ? `datatable_id = ${shorten(target.text)} needs Terraform to evaluate it`
          : 'it has no datatable_id';
  return {
    where: row.where,
    address: addressOf(row),
    message: `${message}; the row is left out.`,
    hint: 'Import the files (or the state) that declare its table too; the exporter writes a raw id when the table was not exported with its rows.',
  };
}

function addRow(table: Building, row: TfResource, unresolved: Unresolved[]): void {
  const address = addressOf(row);
  const report = (message: string): void => {
    unresolved.push({
      where: row.where,
      address,
      message: `row of "${table.name}": ${message}; the row is left out (prune: false keeps it as it is live).`,
      hint: 'Add the row to the imported file by hand once the value is fixed, or import the state, which holds rows evaluated.',
    });
  };
  // null: the reader could not evaluate the body and has reported it already.
  if (row.attributes.properties_json === null) return;
  const key = literalString(row.attributes.key_value);
  if (key === undefined)
    return report(
      `key_value ${isExpression(row.attributes.key_value) ? `= ${shorten(row.attributes.key_value)} needs Terraform to evaluate it` : 'is missing'}`,
    );
  const body = row.attributes.properties_json;
  if (isExpression(body)) return report(`properties_json = ${shorten(body)} needs Terraform to evaluate it`);
  if (table.rows.some((existing) => existing.key === key))
    return report(`another row resource in the input also has the key "${key}"`);
  const { cells, problems } = cellsFrom(typeof body === 'string' ? body : undefined, table.columns);
  if (problems.length > 0) return report(`key "${key}": ${problems.join('; ')}`);
  table.rows.push({ key, cells, position: NOWHERE, cellPositions: {} });
  table.rowAddresses[key] = address;
}

/**
 * The division's name where the input holds it (a genesyscloud_auth_division resource or data
 * source). The home division, and a division that cannot be resolved, give none: the file then
 * names no division, which plan and apply read as "keep the table's division" (and a table
 * created from the file lands in the home division, as the provider does without division_id).
 */
function divisionOf(
  table: TfResource,
  divisions: readonly TfResource[],
  unresolved: Unresolved[],
): string | undefined {
  const target = targetOf(table.attributes.division_id, DIVISION_TYPES);
  if (target.kind === 'none') return undefined;
  if (target.kind === 'resource' && target.address.includes(HOME_DIVISION_TYPE)) return undefined;
  const found = findTarget(target, divisions);
  if (found?.type === HOME_DIVISION_TYPE) return undefined;
  const name = found ? literalString(found.attributes.name) : undefined;
  if (name !== undefined) return name;
  const given =
    target.kind === 'id' ? target.id : target.kind === 'resource' ? target.address : shorten(target.text);
  unresolved.push({
    where: table.where,
    address: addressOf(table),
    message: `division_id (${given}) could not be resolved to a division name; the file names no division.`,
    hint: 'Nothing changes for an existing table (plan keeps its division). Add "division: NAME" to the file if it may have to be created, or import the genesyscloud_auth_division resources too.',
  });
  return undefined;
}

function toConfig(
  table: Building,
  division: string | undefined,
  environment: string | undefined,
): TableConfig {
  const description = literalString(table.resource.attributes.description);
  return {
    file: `${table.name}.yaml`,
    table: { name: table.name },
    description,
    division,
    environment,
    keyTitle: table.keyTitle,
    keyDescription: undefined,
    // Terraform leaves alone the rows it does not manage; so does the imported file.
    prune: false,
    limits: {
      ...DEFAULT_LIMITS,
      maxRows: Math.max(DEFAULT_LIMITS.maxRows, table.rows.length),
      maxColumns: Math.max(DEFAULT_LIMITS.maxColumns, table.columns.length + 1),
    },
    columns: table.columns,
    valueSchemas: {},
    allow: [],
    rows: [...table.rows].sort((a, b) => compareKeys(a.key, b.key)),
    position: NOWHERE,
  };
}
