import { isScalar, type Node } from 'yaml';
import type { CellValue } from '../genesys/types.js';
import { detectSensitive, isSensitiveName, maskValue } from './guard.js';
import type { Report, RowEntry } from './row-entries.js';
import type { RowContext } from './rows.js';
import type { ColumnSpec, DesiredRow, GuardRule, SourcePosition, ValueKind } from './types.js';
import { VALUE_KINDS } from './types.js';
import type { ValueSchemas } from './value-schemas.js';
import { checkConstraints, convertCell, convertTyped, resolveNode, type Converted } from './values.js';
import { positionOf, type YamlSource } from './yaml-source.js';

/** What reading each row needs from the file and the table. */
export interface RowReader {
  source: YamlSource;
  context: RowContext;
  columns: ReadonlyMap<string, ColumnSpec>;
  schemas: ValueSchemas;
  report: Report;
}

/** One row's cells as read so far, with where each came from. */
interface RowCells {
  key: string;
  cells: Record<string, CellValue>;
  cellPositions: Record<string, SourcePosition>;
  /** The value node and position of every cell the row sets (null values left out). */
  nodes: Map<string, { node: Node | null; position: SourcePosition }>;
  /** Columns whose value tripped the secret guard: not checked further, never echoed. */
  guarded: Set<string>;
  allowed: (rule: GuardRule, column?: ColumnSpec) => boolean;
}

/** Reads one row whose key passed its checks: its key and cells through every rule. */
export function readRow(reader: RowReader, entry: RowEntry & { key: string }): DesiredRow {
  const { context } = reader;
  const key = entry.key;
  const row: RowCells = {
    key,
    cells: {},
    cellPositions: {},
    nodes: new Map(),
    guarded: new Set(),
    allowed: (rule, column) =>
      column?.allow.includes(rule) ||
      context.allow.some(
        (allowance) =>
          allowance.key === key &&
          (allowance.column === undefined || allowance.column === column?.name) &&
          allowance.rules.includes(rule),
      ),
  };
  guardKey(reader, row, entry.keyPosition);
  collectNodes(reader, row, entry);
  convertCells(reader, row);
  checkEnvironment(reader, row, entry.keyPosition);
  checkValues(reader, row, entry.keyPosition);
  const bytes = rowBytesOver(key, row.cells, context.limits.maxRowBytes);
  if (bytes !== undefined) {
    reader.report(
      'row-too-large',
      entry.keyPosition,
      `Row "${key}" is ${bytes} bytes as JSON; at most ${context.limits.maxRowBytes} are accepted.`,
      key,
    );
  }
  // Cells in column order, whatever order they were read in.
  const ordered: Record<string, CellValue> = {};
  for (const column of context.columns)
    if (row.cells[column.name] !== undefined) ordered[column.name] = row.cells[column.name]!;
  return { key, cells: ordered, position: entry.keyPosition, cellPositions: row.cellPositions };
}

/** A row key that names or looks like a credential or personal data. */
function guardKey(reader: RowReader, row: RowCells, position: SourcePosition): void {
  const { key } = row;
  if (isSensitiveName(key) && !row.allowed('secret-name')) {
    reader.report('secret-name', position, `The row key "${key}" suggests the row holds credentials.`, key);
  }
  for (const match of detectSensitive(key)) {
    if (!row.allowed(match.rule))
      reader.report(match.rule, position, `The row key looks like ${match.what}: ${maskValue(key)}.`, key);
  }
}

/** The value node of every cell the row sets; unknown and managed columns reported. */
function collectNodes(reader: RowReader, row: RowCells, entry: RowEntry): void {
  const { source, report } = reader;
  const { key } = row;
  for (const pair of entry.pairs) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const position = positionOf(source, pair.key as Node);
    const column = reader.columns.get(name);
    if (!column) {
      report(
        'row-unknown-column',
        position,
        `Row "${key}" sets "${name}", which is not a column of the table.`,
        key,
        name,
      );
    } else if (column.managed) {
      report(
        'row-managed-column',
        position,
        `Row "${key}" sets "${name}", which each deploy stamps (${column.managed}).`,
        key,
        name,
      );
    } else if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) {
      row.nodes.set(name, {
        node: resolveNode(source.doc, pair.value as Node),
        position: positionOf(source, pair.value as Node),
      });
    }
  }
}

/**
 * Converts the cells: plain columns first, since typedBy columns read their kind from them;
 * json values are checked against their value schema.
 */
function convertCells(reader: RowReader, row: RowCells): void {
  const { context, report } = reader;
  const { key } = row;
  for (const column of context.columns) {
    const cell = row.nodes.get(column.name);
    if (cell?.node && column.typedBy === undefined)
      acceptCell(reader, row, column, convertCell(column, cell.node), cell.position);
  }
  for (const column of context.columns) {
    const cell = row.nodes.get(column.name);
    if (!cell?.node || column.typedBy === undefined) continue;
    const kindColumn = reader.columns.get(column.typedBy);
    const kind = row.cells[column.typedBy] ?? kindColumn?.default ?? 'string';
    if (!VALUE_KINDS.includes(kind as ValueKind)) {
      // The kind column's own check reports the value; the typed cell cannot be read without it.
      report(
        'typed-value',
        cell.position,
        `Row "${key}": "${column.name}" is typed by "${column.typedBy}", whose value ${JSON.stringify(kind)} is not a kind; use one of ${VALUE_KINDS.join(', ')}.`,
        key,
        column.name,
      );
      continue;
    }
    const converted = convertTyped(column.name, kind as ValueKind, cell.node, reader.source.doc);
    acceptCell(reader, row, column, converted, cell.position);
    if (converted.ok && kind === 'json' && !row.guarded.has(column.name)) {
      const problem = reader.schemas.check(key, String(converted.value));
      if (problem)
        report(
          'json-value-schema',
          cell.position,
          `Row "${key}", column "${column.name}": ${problem}`,
          key,
          column.name,
        );
    }
  }
}

/** Takes a converted cell into the row, or reports why not (its value masked if sensitive). */
function acceptCell(
  reader: RowReader,
  row: RowCells,
  column: ColumnSpec,
  converted: Converted,
  position: SourcePosition,
): void {
  const { report } = reader;
  const { key } = row;
  if (!converted.ok) {
    report(converted.rule, position, `Row "${key}": ${converted.message}`, key, column.name, converted.hint);
    return;
  }
  if (typeof converted.value === 'string') {
    const matches = detectSensitive(converted.value).filter((match) => !row.allowed(match.rule, column));
    for (const match of matches) {
      report(
        match.rule,
        position,
        `Row "${key}", column "${column.name}" looks like ${match.what}: ${maskValue(converted.value)}.`,
        key,
        column.name,
      );
    }
    if (matches.length > 0) {
      row.guarded.add(column.name);
      return;
    }
  }
  if (converted.warning)
    report(converted.warning.rule, position, `Row "${key}": ${converted.warning.message}`, key, column.name);
  row.cells[column.name] = converted.value;
  row.cellPositions[column.name] = position;
}

/** The file's environment: given to rows that leave it out, and required of those that give it. */
function checkEnvironment(reader: RowReader, row: RowCells, keyPosition: SourcePosition): void {
  const { context } = reader;
  const environmentColumn = reader.columns.get('environment');
  if (
    context.environment === undefined ||
    !environmentColumn ||
    environmentColumn.managed ||
    row.guarded.has('environment')
  )
    return;
  if (row.cells.environment === undefined && !row.nodes.has('environment')) {
    row.cells.environment = context.environment;
  } else if (row.cells.environment !== undefined && row.cells.environment !== context.environment) {
    reader.report(
      'row-environment-mismatch',
      row.cellPositions.environment ?? keyPosition,
      `Row "${row.key}" says environment "${String(row.cells.environment)}", but the file is bound to "${context.environment}".`,
      row.key,
      'environment',
    );
  }
}

/** Required columns given, and every value within its column's constraints. */
function checkValues(reader: RowReader, row: RowCells, keyPosition: SourcePosition): void {
  const { key } = row;
  for (const column of reader.context.columns) {
    const value = row.cells[column.name];
    if (value === undefined) {
      if (column.required && !row.nodes.has(column.name) && !row.guarded.has(column.name)) {
        reader.report(
          'value-required',
          keyPosition,
          `Row "${key}" has no value for the required column "${column.name}".`,
          key,
          column.name,
        );
      }
      continue;
    }
    const broken = checkConstraints(column, value);
    if (broken)
      reader.report(
        broken.rule,
        row.cellPositions[column.name] ?? keyPosition,
        `Row "${key}": ${broken.message}`,
        key,
        column.name,
      );
  }
}

/**
 * The row's size as JSON in UTF-8 bytes when it is over the limit, else undefined. Measured
 * only when it could be: a JSON text takes at most 6 bytes per UTF-16 unit of its strings
 * (\u001f; a non-ASCII character takes 3 bytes, a surrogate pair 4), so a bound from the
 * lengths settles most rows without writing them.
 */
function rowBytesOver(key: string, cells: Record<string, CellValue>, limit: number): number | undefined {
  let bound = 8 + 6 * key.length;
  for (const name in cells) bound += 6 * name.length + 6 * String(cells[name]).length + 4;
  if (bound <= limit) return undefined;
  const bytes = Buffer.byteLength(JSON.stringify({ key, ...cells }));
  return bytes > limit ? bytes : undefined;
}
