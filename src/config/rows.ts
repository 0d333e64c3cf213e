import { isScalar, type Node, type YAMLMap } from 'yaml';
import type { CellValue } from '../genesys/types.js';
import { finding, type Finding } from './findings.js';
import { detectSensitive, isSensitiveName, maskValue } from './guard.js';
import type {
  Allowance,
  ColumnSpec,
  DesiredRow,
  GuardRule,
  Limits,
  SourcePosition,
  ValueKind,
} from './types.js';
import { VALUE_KINDS } from './types.js';
import { checkConstraints, convertCell, convertTyped, resolveNode, type Converted } from './values.js';
import { positionOf, type YamlSource } from './yaml-source.js';
import { checkKey, rowEntries, type Report } from './row-entries.js';
import { ValueSchemas } from './value-schemas.js';

export interface RowContext {
  table: string;
  columns: ColumnSpec[];
  keyTitle: string;
  environment?: string | undefined;
  limits: Limits;
  valueSchemas: Record<string, unknown>;
  allow: Allowance[];
}

/**
 * Reads `rows:` (a map keyed by key, or a list of rows) into desired rows, checking every key
 * and cell. Cells that trip the secret guard are reported without their value and not checked
 * further, so no other message can echo them.
 */
export function readRows(
  source: YamlSource,
  context: RowContext,
): { rows: DesiredRow[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const report: Report = (rule, position, message, key, field, hint) =>
    findings.push(
      finding(rule, source.file, position, message, {
        table: context.table,
        key,
        field,
        ...(hint ? { hint } : {}),
      }),
    );
  const rowsNode = (source.doc.contents as YAMLMap).get('rows', true) as Node | undefined;
  const entries = rowEntries(source, rowsNode, context.keyTitle, report);
  const columns = new Map(context.columns.map((column) => [column.name, column]));
  const schemas = new ValueSchemas(context.valueSchemas, (key, problem) => {
    const root = source.doc.contents as YAMLMap;
    const schemasNode = root.get('valueSchemas', true) as YAMLMap | undefined;
    const node = (schemasNode?.get(key, true) as Node | undefined) ?? schemasNode ?? root;
    report(
      'value-schema-invalid',
      positionOf(source, node),
      `The JSON Schema under valueSchemas."${key}" ${problem}`,
    );
  });
  schemas.compileAll();
  const seen = new Map<string, SourcePosition>();
  const rows: DesiredRow[] = [];

  for (const entry of entries) {
    const key = entry.key;
    if (key === undefined) continue;
    if (!checkKey(key, entry.keyPosition, seen, context, report)) continue;
    const allowed = (rule: GuardRule, column?: ColumnSpec) =>
      column?.allow.includes(rule) ||
      context.allow.some(
        (allowance) =>
          allowance.key === key &&
          (allowance.column === undefined || allowance.column === column?.name) &&
          allowance.rules.includes(rule),
      );

    if (isSensitiveName(key) && !allowed('secret-name')) {
      report(
        'secret-name',
        entry.keyPosition,
        `The row key "${key}" suggests the row holds credentials.`,
        key,
      );
    }
    for (const match of detectSensitive(key)) {
      if (!allowed(match.rule))
        report(
          match.rule,
          entry.keyPosition,
          `The row key looks like ${match.what}: ${maskValue(key)}.`,
          key,
        );
    }

    const cells: Record<string, CellValue> = {};
    const cellPositions: Record<string, SourcePosition> = {};
    const nodes = new Map<string, { node: Node | null; position: SourcePosition }>();
    for (const pair of entry.pairs) {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const position = positionOf(source, pair.key as Node);
      const column = columns.get(name);
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
        nodes.set(name, {
          node: resolveNode(source.doc, pair.value as Node),
          position: positionOf(source, pair.value as Node),
        });
      }
    }

    const guarded = new Set<string>();
    const accept = (column: ColumnSpec, converted: Converted, position: SourcePosition) => {
      if (!converted.ok) {
        report(
          converted.rule,
          position,
          `Row "${key}": ${converted.message}`,
          key,
          column.name,
          converted.hint,
        );
        return;
      }
      if (typeof converted.value === 'string') {
        const matches = detectSensitive(converted.value).filter((match) => !allowed(match.rule, column));
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
          guarded.add(column.name);
          return;
        }
      }
      if (converted.warning)
        report(
          converted.warning.rule,
          position,
          `Row "${key}": ${converted.warning.message}`,
          key,
          column.name,
        );
      cells[column.name] = converted.value;
      cellPositions[column.name] = position;
    };

    // Plain columns first: typedBy columns read their kind from them.
    for (const column of context.columns) {
      const cell = nodes.get(column.name);
      if (cell?.node && column.typedBy === undefined)
        accept(column, convertCell(column, cell.node), cell.position);
    }
    for (const column of context.columns) {
      const cell = nodes.get(column.name);
      if (!cell?.node || column.typedBy === undefined) continue;
      const kindColumn = columns.get(column.typedBy);
      const kind = cells[column.typedBy] ?? kindColumn?.default ?? 'string';
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
      const converted = convertTyped(column.name, kind as ValueKind, cell.node, source.doc);
      accept(column, converted, cell.position);
      if (converted.ok && kind === 'json' && !guarded.has(column.name)) {
        const problem = schemas.check(key, String(converted.value));
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

    const environmentColumn = columns.get('environment');
    if (
      context.environment !== undefined &&
      environmentColumn &&
      !environmentColumn.managed &&
      !guarded.has('environment')
    ) {
      if (cells.environment === undefined && !nodes.has('environment')) {
        cells.environment = context.environment;
      } else if (cells.environment !== undefined && cells.environment !== context.environment) {
        report(
          'row-environment-mismatch',
          cellPositions.environment ?? entry.keyPosition,
          `Row "${key}" says environment "${String(cells.environment)}", but the file is bound to "${context.environment}".`,
          key,
          'environment',
        );
      }
    }

    for (const column of context.columns) {
      const value = cells[column.name];
      if (value === undefined) {
        if (column.required && !nodes.has(column.name) && !guarded.has(column.name)) {
          report(
            'value-required',
            entry.keyPosition,
            `Row "${key}" has no value for the required column "${column.name}".`,
            key,
            column.name,
          );
        }
        continue;
      }
      const broken = checkConstraints(column, value);
      if (broken)
        report(
          broken.rule,
          cellPositions[column.name] ?? entry.keyPosition,
          `Row "${key}": ${broken.message}`,
          key,
          column.name,
        );
    }

    const bytes = rowBytesOver(key, cells, context.limits.maxRowBytes);
    if (bytes !== undefined) {
      report(
        'row-too-large',
        entry.keyPosition,
        `Row "${key}" is ${bytes} bytes as JSON; at most ${context.limits.maxRowBytes} are accepted.`,
        key,
      );
    }
    // Cells in column order, whatever order they were read in.
    const ordered: Record<string, CellValue> = {};
    for (const column of context.columns)
      if (cells[column.name] !== undefined) ordered[column.name] = cells[column.name]!;
    rows.push({ key, cells: ordered, position: entry.keyPosition, cellPositions });
  }

  if (entries.length > context.limits.maxRows) {
    report(
      'limit-rows',
      positionOf(source, rowsNode),
      `The table has ${entries.length} rows; at most ${context.limits.maxRows} are allowed.`,
    );
  }
  return { rows, findings };
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
