import type { Node, YAMLMap } from 'yaml';
import { finding, type Finding } from './findings.js';
import { checkKey, rowEntries, type Report, type RowEntry } from './row-entries.js';
import { readRow, type RowReader } from './row-read.js';
import type { Allowance, ColumnSpec, DesiredRow, Limits, SourcePosition } from './types.js';
import { ValueSchemas } from './value-schemas.js';
import { positionOf, type YamlSource } from './yaml-source.js';

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
  const reader: RowReader = { source, context, columns, schemas, report };
  for (const entry of entries) {
    if (entry.key === undefined) continue;
    if (!checkKey(entry.key, entry.keyPosition, seen, context, report)) continue;
    rows.push(readRow(reader, entry as RowEntry & { key: string }));
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
