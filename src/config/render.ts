import { Document, Scalar, visit } from 'yaml';
import type { CellValue } from '../genesys/types.js';
import { YAML11_BOOLEANS } from './values.js';
import { DEFAULT_LIMITS, type ColumnSpec, type TableConfig } from './types.js';

/**
 * Renders a table config as a config file in canonical form: rows as a map, columns and cells
 * in column order, typed values as plain YAML where that reads back to the same text, json
 * values as YAML maps and lists. Loading the result gives the same config again.
 */
export function renderConfig(config: TableConfig, options: { header?: string } = {}): string {
  const body: Record<string, unknown> = { format: 1 };
  if (config.table.name !== undefined) body.table = config.table.name;
  else body.table_id = config.table.id;
  if (config.description !== undefined) body.description = config.description;
  if (config.division !== undefined) body.division = config.division;
  if (config.environment !== undefined) body.environment = config.environment;
  body.key = {
    title: config.keyTitle,
    ...(config.keyDescription !== undefined ? { description: config.keyDescription } : {}),
  };
  body.prune = config.prune;
  const limits = Object.fromEntries(
    Object.entries(config.limits).filter(
      ([name, value]) => DEFAULT_LIMITS[name as keyof typeof DEFAULT_LIMITS] !== value,
    ),
  );
  if (Object.keys(limits).length > 0) body.limits = limits;
  body.columns = Object.fromEntries(config.columns.map((column) => [column.name, columnBody(column)]));
  if (Object.keys(config.valueSchemas).length > 0) body.valueSchemas = config.valueSchemas;
  if (config.allow.length > 0) body.allow = config.allow;
  body.rows = Object.fromEntries(config.rows.map((row) => [row.key, rowBody(config, row.cells)]));

  const doc = new Document(body);
  // Text that YAML 1.1 would read as a boolean is quoted, so no reader can mistake it.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && YAML11_BOOLEANS.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  const header =
    options.header ??
    '# yaml-language-server: $schema=https://datatable-deploy.dev/schema/datatable-config.schema.json';
  return `${header}\n${doc.toString({ lineWidth: 0 })}`;
}

function columnBody(column: ColumnSpec): Record<string, unknown> {
  const body: Record<string, unknown> = { type: column.type };
  const optional: Array<keyof ColumnSpec> = [
    'title',
    'description',
    'enum',
    'minLength',
    'maxLength',
    'minimum',
    'maximum',
    'pattern',
    'default',
    'typedBy',
    'managed',
  ];
  for (const name of optional) if (column[name] !== undefined) body[name] = column[name];
  if (column.required) body.required = true;
  if (column.allow.length > 0) body.allow = column.allow;
  return body;
}

function rowBody(config: TableConfig, cells: Record<string, CellValue>): Record<string, unknown> | null {
  const body: Record<string, unknown> = {};
  for (const column of config.columns) {
    const value = cells[column.name];
    if (value === undefined) continue;
    if (column.typedBy === undefined || typeof value !== 'string') {
      body[column.name] = value;
      continue;
    }
    const kind =
      cells[column.typedBy] ??
      config.columns.find((candidate) => candidate.name === column.typedBy)?.default ??
      'string';
    body[column.name] = typedValue(String(kind), value);
  }
  return Object.keys(body).length > 0 ? body : null;
}

/** A typed value as plain YAML when it reads back as the same text, else as quoted text. */
function typedValue(kind: string, text: string): unknown {
  if (kind === 'json') return JSON.parse(text) as unknown;
  if (kind === 'integer' || kind === 'number') return String(Number(text)) === text ? Number(text) : text;
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}
