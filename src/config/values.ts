import { isAlias, isCollection, isScalar, Scalar, type Document, type Node } from 'yaml';
import type { CellValue } from '../genesys/types.js';
import type { RuleId } from './findings.js';
import { compilePattern, type LinearPattern } from './patterns.js';
import type { ColumnSpec, ValueKind } from './types.js';

/** The result of reading one cell from YAML. */
export type Converted =
  | { ok: true; value: CellValue; warning?: { rule: RuleId; message: string } }
  | { ok: false; rule: RuleId; message: string; hint?: string };

/**
 * Words YAML 1.1 reads as booleans; YAML 1.2 (and this tool) read them as text. The single
 * letters y and n are left out: as text they are common, and few tools still read them as booleans.
 */
export const YAML11_BOOLEANS = /^(yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Follows an alias to the node it names. */
export function resolveNode(doc: Document.Parsed, node: Node): Node {
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? node) : node;
}

function describeScalar(node: Scalar): string {
  return node.type === 'PLAIN' ? String(node.source ?? node.value) : JSON.stringify(node.value);
}

function yaml11Warning(node: Scalar): Converted & { ok: true } {
  const text = String(node.value);
  const result: Converted & { ok: true } = { ok: true, value: text };
  if (node.type === 'PLAIN' && YAML11_BOOLEANS.test(text)) {
    result.warning = {
      rule: 'yaml11-boolean',
      message: `"${text}" is read as the text "${text}", not as a boolean (YAML 1.2).`,
    };
  }
  return result;
}

/** Reads a cell of a column that is not typed per row. */
export function convertCell(column: ColumnSpec, node: Node): Converted {
  if (isCollection(node)) {
    return {
      ok: false,
      rule: 'value-type',
      message: `"${column.name}" is a ${column.type} column; a ${isMapLike(node) ? 'map' : 'list'} is only allowed where typedBy says json.`,
    };
  }
  if (!isScalar(node))
    return { ok: false, rule: 'value-type', message: `"${column.name}" needs a ${column.type}.` };
  const raw = node.value;
  const shown = describeScalar(node);
  switch (column.type) {
    case 'string':
      if (typeof raw === 'string') return yaml11Warning(node);
      return {
        ok: false,
        rule: 'value-type',
        message: `"${column.name}" is a string column, but ${shown} is read as a ${typeof raw}.`,
        hint: `Quote it: "${shown}".`,
      };
    case 'integer':
      return numericCell(column, raw, shown, Number.isSafeInteger, 'a whole number');
    case 'number':
      return numericCell(column, raw, shown, Number.isFinite, 'a finite number');
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      return {
        ok: false,
        rule: 'value-type',
        message: `"${column.name}" is a boolean column; ${shown} is not true or false.`,
        hint:
          YAML11_BOOLEANS.test(String(raw)) || /^(true|false)$/i.test(String(raw))
            ? 'Write true or false without quotes (YAML 1.2 reads yes/no/on/off as text).'
            : 'Write true or false.',
      };
  }
}

/** An integer or number cell: a YAML number that passes `isValid`; quoted digits get a hint. */
function numericCell(
  column: ColumnSpec,
  raw: unknown,
  shown: string,
  isValid: (value: number) => boolean,
  expected: string,
): Converted {
  if (typeof raw === 'number' && isValid(raw)) return { ok: true, value: raw };
  const kind = `"${column.name}" is ${column.type === 'integer' ? 'an' : 'a'} ${column.type} column`;
  if (typeof raw === 'string' && raw.trim() !== '' && isValid(Number(raw))) {
    return {
      ok: false,
      rule: 'value-type',
      message: `${kind}, but "${raw}" is quoted text.`,
      hint: `Write ${raw.trim()} without quotes.`,
    };
  }
  return { ok: false, rule: 'value-type', message: `${kind}; ${shown} is not ${expected}.` };
}

function isMapLike(node: Node): boolean {
  return (
    'items' in node &&
    (node as { items: unknown[] }).items.some((item) => item && typeof item === 'object' && 'key' in item)
  );
}

/**
 * Reads a cell of a string column typed per row (`typedBy`): the stored value is text, so a
 * YAML number or boolean becomes its text, and a YAML map or list (kind json) compact JSON.
 */
export function convertTyped(column: string, kind: ValueKind, node: Node, doc: Document.Parsed): Converted {
  if (kind === 'json') {
    if (isCollection(node)) return { ok: true, value: JSON.stringify(node.toJSON(doc)) };
    if (isScalar(node) && typeof node.value === 'string') {
      try {
        return { ok: true, value: JSON.stringify(JSON.parse(node.value)) };
      } catch (error) {
        return {
          ok: false,
          rule: 'json-value-invalid',
          message: `"${column}" is typed json here, but the text is not JSON: ${(error as Error).message}.`,
        };
      }
    }
    if (isScalar(node)) return { ok: true, value: JSON.stringify(node.value) };
    return {
      ok: false,
      rule: 'json-value-invalid',
      message: `"${column}" is typed json here; write a YAML map or list, or JSON text.`,
    };
  }
  if (isCollection(node) || !isScalar(node)) {
    return {
      ok: false,
      rule: 'typed-value',
      message: `"${column}" is typed ${kind} here; a map or list is only allowed for json.`,
    };
  }
  const raw = node.value;
  const shown = describeScalar(node);
  switch (kind) {
    case 'string':
      if (typeof raw === 'string') return yaml11Warning(node);
      return {
        ok: false,
        rule: 'typed-value',
        message: `"${column}" is typed string here, but ${shown} is read as a ${typeof raw}.`,
        hint: `Quote it: "${shown}".`,
      };
    case 'integer': {
      const text = typeof raw === 'number' ? String(node.source ?? raw) : String(raw).trim();
      if (/^[-+]?\d+$/.test(text) && Number.isSafeInteger(Number(text)))
        return { ok: true, value: String(Number(text)) };
      return {
        ok: false,
        rule: 'typed-value',
        message: `"${column}" is typed integer here; ${shown} is not a whole number.`,
      };
    }
    case 'number': {
      const number =
        typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      if (Number.isFinite(number))
        return { ok: true, value: typeof raw === 'string' ? raw.trim() : String(node.source ?? raw) };
      return {
        ok: false,
        rule: 'typed-value',
        message: `"${column}" is typed number here; ${shown} is not a finite number.`,
      };
    }
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: String(raw) };
      if (raw === 'true' || raw === 'false') return { ok: true, value: raw };
      return {
        ok: false,
        rule: 'typed-value',
        message: `"${column}" is typed boolean here; ${shown} is not true or false.`,
      };
    default:
      return {
        ok: false,
        rule: 'typed-value',
        message: `"${column}" is typed ${JSON.stringify(kind)} here, which is not a kind.`,
      };
  }
}

/** Checks enum, length, range and pattern; returns the broken rule, if any. */
export function checkConstraints(
  column: ColumnSpec,
  value: CellValue,
): { rule: RuleId; message: string } | undefined {
  const name = `"${column.name}"`;
  if (column.enum && !column.enum.some((allowed) => allowed === value)) {
    return {
      rule: 'value-enum',
      message: `${name} must be one of ${column.enum.map((item) => JSON.stringify(item)).join(', ')}; got ${JSON.stringify(value)}.`,
    };
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (column.minLength !== undefined && length < column.minLength) {
      return {
        rule: 'value-length',
        message: `${name} is ${length} characters long; at least ${column.minLength} are required.`,
      };
    }
    if (column.maxLength !== undefined && length > column.maxLength) {
      return {
        rule: 'value-length',
        message: `${name} is ${length} characters long; at most ${column.maxLength} are allowed.`,
      };
    }
    // A pattern that cannot be compiled is the column's finding, reported once; rows skip it.
    const pattern = column.pattern === undefined ? undefined : usablePattern(column.pattern);
    if (pattern !== undefined && !pattern.test(value)) {
      return { rule: 'value-pattern', message: `${name} does not match the pattern ${column.pattern}.` };
    }
  }
  if (typeof value === 'number') {
    if (column.minimum !== undefined && value < column.minimum) {
      return { rule: 'value-range', message: `${name} is ${value}; the minimum is ${column.minimum}.` };
    }
    if (column.maximum !== undefined && value > column.maximum) {
      return { rule: 'value-range', message: `${name} is ${value}; the maximum is ${column.maximum}.` };
    }
  }
  return undefined;
}

function usablePattern(source: string): LinearPattern | undefined {
  try {
    return compilePattern(source);
  } catch {
    return undefined;
  }
}
