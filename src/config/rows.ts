import type { ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { CellValue } from '../genesys/types.js';
import { createAjv } from './ajv.js';
import { finding, type Finding, type RuleId } from './findings.js';
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
import { checkConstraints, convertCell, convertTyped, resolveNode, type Converted } from './values.js';
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

interface RowEntry {
  key: string | undefined;
  keyPosition: SourcePosition;
  /** The row's cells as YAML pairs (the key pair of the list form left out). */
  pairs: Pair[];
}

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const UNSAFE_KEY_CHARS = /[/?#%\\]/;

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
  const report = (
    rule: RuleId,
    position: SourcePosition,
    message: string,
    key?: string,
    field?: string,
    hint?: string,
  ) =>
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
  const schemas = new ValueSchemas(context.valueSchemas);
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
      const kind = (cells[column.typedBy] ?? kindColumn?.default ?? 'string') as ValueKind;
      const converted = convertTyped(column.name, kind, cell.node, source.doc);
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

    const bytes = Buffer.byteLength(JSON.stringify({ key, ...cells }));
    if (bytes > context.limits.maxRowBytes) {
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

type Report = (rule: RuleId, position: SourcePosition, message: string, key?: string, field?: string) => void;

/** The rows with their keys, from either form. */
function rowEntries(
  source: YamlSource,
  rowsNode: Node | undefined,
  keyTitle: string,
  report: Report,
): RowEntry[] {
  const entries: RowEntry[] = [];
  if (isMap(rowsNode)) {
    for (const pair of rowsNode.items) {
      const keyNode = pair.key as Node;
      const position = positionOf(source, keyNode);
      // A plain key such as 007 or 1e3 is a number to YAML; the key is the text as written.
      const key = isScalar(keyNode)
        ? keyNode.type === 'PLAIN' && keyNode.source !== undefined
          ? keyNode.source
          : String(keyNode.value)
        : undefined;
      if (key === undefined) {
        report('key-missing', position, 'A row key must be a plain value, not a map or a list.');
        continue;
      }
      const value = pair.value === null ? null : resolveNode(source.doc, pair.value as Node);
      if (value !== null && !isMap(value) && !(isScalar(value) && value.value === null)) {
        report(
          'row-not-map',
          positionOf(source, value),
          `Row "${key}" must be a map of column → value.`,
          key,
        );
        continue;
      }
      entries.push({ key, keyPosition: position, pairs: isMap(value) ? (value.items as Pair[]) : [] });
    }
  } else if (isSeq(rowsNode)) {
    for (const item of rowsNode.items) {
      const row = resolveNode(source.doc, item as Node);
      const position = positionOf(source, row);
      if (!isMap(row)) {
        report('row-not-map', position, 'Each row in the list must be a map of column → value.');
        continue;
      }
      const pairs = row.items as Pair[];
      const keyPairs = pairs.filter(
        (pair) => isScalar(pair.key) && (pair.key.value === 'key' || pair.key.value === keyTitle),
      );
      if (keyPairs.length === 0) {
        report(
          'key-missing',
          position,
          `The row has no key: give it "key:"${keyTitle !== 'key' ? ` or "${keyTitle}:"` : ''}.`,
        );
        continue;
      }
      if (keyPairs.length > 1) {
        report(
          'key-duplicate',
          positionOf(source, keyPairs[1]!.key as Node),
          `The row gives its key twice, under "key" and under "${keyTitle}".`,
        );
        continue;
      }
      const keyValue = keyPairs[0]!.value as Node | null;
      const key =
        isScalar(keyValue) && keyValue.value !== null
          ? keyValue.type === 'PLAIN' && keyValue.source !== undefined
            ? keyValue.source
            : String(keyValue.value)
          : undefined;
      if (key === undefined) {
        report(
          'key-missing',
          positionOf(source, keyValue ?? (keyPairs[0]!.key as Node)),
          "The row's key must be a plain value.",
        );
        continue;
      }
      entries.push({
        key,
        keyPosition: positionOf(source, keyValue),
        pairs: pairs.filter((pair) => pair !== keyPairs[0]),
      });
    }
  }
  return entries;
}

function checkKey(
  key: string,
  position: SourcePosition,
  seen: Map<string, SourcePosition>,
  context: RowContext,
  report: Report,
): boolean {
  if (key === '') {
    report('key-empty', position, 'The row key is empty.');
    return false;
  }
  const printable = JSON.stringify(key);
  if (CONTROL_CHARS.test(key)) {
    report('key-control-chars', position, `The row key ${printable} contains control characters.`, key);
    return false;
  }
  if (UNSAFE_KEY_CHARS.test(key)) {
    report(
      'key-unsafe-chars',
      position,
      `The row key ${printable} contains / ? # % or \\, which are unsafe in row URLs.`,
      key,
    );
    return false;
  }
  if ([...key].length > context.limits.maxKeyLength) {
    report(
      'key-too-long',
      position,
      `The row key is ${[...key].length} characters long; at most ${context.limits.maxKeyLength} are allowed.`,
      key,
    );
    return false;
  }
  const first = seen.get(key);
  if (first) {
    report('key-duplicate', position, `The key "${key}" is used twice (first at line ${first.line}).`, key);
    return false;
  }
  seen.set(key, position);
  return true;
}

/** JSON Schemas for json values, compiled once per key. */
class ValueSchemas {
  private readonly compiled = new Map<string, ValidateFunction | string>();
  private ajv: ReturnType<typeof createAjv> | undefined;

  constructor(private readonly schemas: Record<string, unknown>) {}

  /** A description of why `json` does not match the key's schema; undefined when it does (or there is none). */
  check(key: string, json: string): string | undefined {
    if (!(key in this.schemas)) return undefined;
    let validate = this.compiled.get(key);
    if (validate === undefined) {
      try {
        this.ajv ??= createAjv();
        validate = this.ajv.compile(this.schemas[key] as object);
      } catch (error) {
        validate = `the JSON Schema under valueSchemas."${key}" is not valid: ${(error as Error).message}`;
      }
      this.compiled.set(key, validate);
    }
    if (typeof validate === 'string') return validate;
    if (validate(JSON.parse(json))) return undefined;
    return (validate.errors ?? [])
      .map((error) => `${error.instancePath || 'the value'} ${error.message}`)
      .join('; ');
  }
}
