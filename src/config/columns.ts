import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { CellValue, ColumnType } from '../genesys/types.js';
import { finding, type Finding } from './findings.js';
import { VALUE_KINDS, type ColumnSpec, type GuardRule } from './types.js';
import { patternProblem } from './patterns.js';
import { checkConstraints } from './values.js';
import { isSensitiveName } from './guard.js';
import { positionOf, type YamlSource } from './yaml-source.js';

interface RawColumn {
  type: ColumnType;
  title?: string;
  description?: string;
  required?: boolean;
  enum?: CellValue[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  default?: CellValue;
  typedBy?: string;
  managed?: 'version' | 'actor';
  allow?: GuardRule[];
}

/**
 * Reads the `columns:` map (already shaped by the JSON Schema) into column specs, and checks
 * what the schema cannot: settings that contradict the type, typedBy targets, managed columns,
 * the reserved `key` name and credential-like names.
 */
export function readColumns(
  source: YamlSource,
  raw: Record<string, RawColumn>,
  table: string,
): { columns: ColumnSpec[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const columnsNode = (source.doc.contents as YAMLMap).get('columns', true) as Node | undefined;
  const positionOfColumn = (name: string) => {
    const pair = isMap(columnsNode)
      ? columnsNode.items.find((item) => isScalar(item.key) && String(item.key.value) === name)
      : undefined;
    return positionOf(source, (pair?.key as Node | undefined) ?? columnsNode);
  };
  const columns: ColumnSpec[] = Object.entries(raw).map(([name, spec]) => ({
    name,
    type: spec.type,
    title: spec.title,
    description: spec.description,
    required: spec.required ?? false,
    enum: spec.enum,
    minLength: spec.minLength,
    maxLength: spec.maxLength,
    minimum: spec.minimum,
    maximum: spec.maximum,
    pattern: spec.pattern,
    default: spec.default,
    typedBy: spec.typedBy,
    managed: spec.managed,
    allow: spec.allow ?? [],
    position: positionOfColumn(name),
  }));
  const byName = new Map(columns.map((column) => [column.name, column]));
  const report = (rule: Parameters<typeof finding>[0], column: ColumnSpec, message: string) =>
    findings.push(finding(rule, source.file, column.position, message, { table, field: column.name }));

  for (const column of columns) {
    if (column.name === 'key') {
      report('column-reserved-key', column, 'The column name "key" is reserved for the key column.');
      continue;
    }
    if (isSensitiveName(column.name) && !column.allow.includes('secret-name')) {
      report('secret-name', column, `The column name "${column.name}" suggests it holds credentials.`);
    }
    for (const problem of contradictions(column)) report('column-invalid', column, problem);
    if (column.managed === 'version' && column.type !== 'integer') {
      report(
        'managed-column-type',
        column,
        `"${column.name}" is managed as a version, so it must be an integer column.`,
      );
    }
    if (column.managed === 'actor' && column.type !== 'string') {
      report(
        'managed-column-type',
        column,
        `"${column.name}" is managed as an actor, so it must be a string column.`,
      );
    }
    if (column.typedBy !== undefined) {
      const problem = typedByProblem(column, byName.get(column.typedBy));
      if (problem) report('typedby-invalid', column, problem);
    }
  }
  return { columns, findings };
}

function contradictions(column: ColumnSpec): string[] {
  const problems: string[] = [];
  const name = `"${column.name}"`;
  const isString = column.type === 'string';
  const isNumeric = column.type === 'integer' || column.type === 'number';
  if (
    !isString &&
    (column.minLength !== undefined || column.maxLength !== undefined || column.pattern !== undefined)
  ) {
    problems.push(
      `${name} is a ${column.type} column; minLength, maxLength and pattern apply to strings only.`,
    );
  }
  if (!isNumeric && (column.minimum !== undefined || column.maximum !== undefined)) {
    problems.push(`${name} is a ${column.type} column; minimum and maximum apply to numbers only.`);
  }
  if (
    column.minLength !== undefined &&
    column.maxLength !== undefined &&
    column.minLength > column.maxLength
  ) {
    problems.push(`${name} has minLength ${column.minLength} above maxLength ${column.maxLength}.`);
  }
  // YAML reads 1e400 as Infinity: a limit must be a number the service can store.
  for (const setting of ['minLength', 'maxLength', 'minimum', 'maximum'] as const) {
    const value = column[setting];
    if (value === undefined) continue;
    const safe = setting.endsWith('Length')
      ? Number.isSafeInteger(value)
      : Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER;
    if (!safe)
      problems.push(
        `${name} has ${setting} ${String(value)}, which is outside the safe range (at most ${Number.MAX_SAFE_INTEGER}).`,
      );
  }
  if (column.minimum !== undefined && column.maximum !== undefined && column.minimum > column.maximum) {
    problems.push(`${name} has minimum ${column.minimum} above maximum ${column.maximum}.`);
  }
  const patternTrouble = column.pattern === undefined ? undefined : patternProblem(column.pattern);
  if (patternTrouble) problems.push(`${name} has a pattern that ${patternTrouble}`);
  const fits = (value: CellValue) =>
    (column.type === 'string' && typeof value === 'string') ||
    (column.type === 'boolean' && typeof value === 'boolean') ||
    (column.type === 'integer' && typeof value === 'number' && Number.isSafeInteger(value)) ||
    (column.type === 'number' && typeof value === 'number' && Number.isFinite(value));
  for (const value of column.enum ?? []) {
    if (!fits(value))
      problems.push(`${name} lists ${JSON.stringify(value)} in its enum, which is not a ${column.type}.`);
  }
  if (column.default !== undefined) {
    if (!fits(column.default))
      problems.push(
        `${name} has the default ${JSON.stringify(column.default)}, which is not a ${column.type}.`,
      );
    else if (problems.length === 0) {
      const broken = checkConstraints(column, column.default);
      if (broken) problems.push(`The default of ${name} breaks its own settings: ${broken.message}`);
    }
  }
  if (column.managed !== undefined && (column.required || column.default !== undefined)) {
    problems.push(`${name} is managed; it cannot also be required or have a default.`);
  }
  return problems;
}

function typedByProblem(column: ColumnSpec, target: ColumnSpec | undefined): string | undefined {
  const name = `"${column.name}"`;
  if (column.type !== 'string')
    return `${name} is typed per row, so it must be a string column (values are stored as text).`;
  if (!target) return `${name} is typed by "${column.typedBy}", which is not a column of this table.`;
  if (target.name === column.name) return `${name} cannot be typed by itself.`;
  if (target.type !== 'string') return `${name} is typed by "${target.name}", which must be a string column.`;
  const kinds = target.enum ?? [];
  const unknown = kinds.filter((kind) => !VALUE_KINDS.includes(kind as never));
  if (kinds.length === 0)
    return `"${target.name}" types ${name}, so it needs an enum of kinds (e.g. [string, integer, number, boolean, json]).`;
  if (unknown.length > 0)
    return `"${target.name}" types ${name}; its enum may only list ${VALUE_KINDS.join(', ')} (not ${unknown.map((kind) => JSON.stringify(kind)).join(', ')}).`;
  if (target.default !== undefined && !VALUE_KINDS.includes(target.default as never))
    return `"${target.name}" types ${name}; its default ${JSON.stringify(target.default)} is not a kind (use one of ${VALUE_KINDS.join(', ')}).`;
  return undefined;
}
