import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import { readColumns } from './columns.js';
import { finding, type Finding } from './findings.js';
import { readRows } from './rows.js';
import { checkStructure } from './structure.js';
import {
  DEFAULT_LIMITS,
  type Allowance,
  type Limits,
  type SourcePosition,
  type TableConfig,
} from './types.js';
import {
  DEFAULT_LOAD_OPTIONS,
  parseYamlSource,
  positionOf,
  type LoadOptions,
  type YamlSource,
} from './yaml-source.js';

export interface LoadedConfig {
  /** Present when the file could be read into a table config (it may still have findings). */
  config?: TableConfig;
  findings: Finding[];
}

interface RawConfig {
  table?: string;
  table_id?: string;
  description?: string;
  division?: string;
  environment?: string;
  key?: { title?: string; description?: string };
  prune?: boolean;
  delete?: boolean;
  limits?: Partial<Limits>;
  columns: Record<string, Parameters<typeof readColumns>[1][string]>;
  rows?: unknown;
  valueSchemas?: Record<string, unknown>;
  allow?: Allowance[];
}

/**
 * Loads one config file from its bytes: YAML hazards, then the JSON Schema, then the column and
 * row rules. Pure: no I/O, no clock. A file whose YAML or structure is broken yields findings
 * only, since later rules would only repeat the damage.
 */
export function loadConfig(
  file: string,
  bytes: Buffer,
  options: LoadOptions = DEFAULT_LOAD_OPTIONS,
): LoadedConfig {
  const source = parseYamlSource(file, bytes, options);
  if (Array.isArray(source)) return { findings: source };
  const value = source.value;
  const structure = checkStructure(source, value);
  if (structure.length > 0) return { findings: structure };

  const raw = value as RawConfig;
  const root = source.doc.contents as YAMLMap;
  const identity =
    (root.get(raw.table !== undefined ? 'table' : 'table_id', true) as Node | undefined) ?? root;
  const table = raw.table ?? `id ${raw.table_id}`;
  const limits: Limits = { ...DEFAULT_LIMITS, ...raw.limits };
  if (raw.delete === true) return tombstone(source, raw, limits, positionOf(source, identity));
  const keyTitle = raw.key?.title ?? 'key';
  const { columns, findings } = readColumns(source, raw.columns, table);
  if (columns.length + 1 > limits.maxColumns) {
    const columnsNode = root.get('columns', true) as Node;
    findings.push(
      finding(
        'limit-columns',
        file,
        positionOf(source, isMap(columnsNode) ? columnsNode : root),
        `The table has ${columns.length + 1} columns with the key; at most ${limits.maxColumns} are allowed.`,
        { table },
      ),
    );
  }
  const rows = readRows(source, {
    table,
    columns,
    keyTitle,
    environment: raw.environment,
    limits,
    valueSchemas: raw.valueSchemas ?? {},
    allow: raw.allow ?? [],
  });
  const config: TableConfig = {
    file,
    table: { name: raw.table, id: raw.table_id },
    description: raw.description,
    division: raw.division,
    environment: raw.environment,
    keyTitle,
    keyDescription: raw.key?.description,
    prune: raw.prune ?? true,
    limits,
    columns,
    valueSchemas: raw.valueSchemas ?? {},
    allow: raw.allow ?? [],
    rows: rows.rows,
    position: positionOf(source, identity),
  };
  return { config, findings: [...findings, ...rows.findings] };
}

/**
 * A tombstone (`delete: true`): the table is to be deleted, so the file holds no columns or
 * rows; where it does, the author may not mean to delete it, and that is a finding.
 */
function tombstone(
  source: YamlSource,
  raw: RawConfig,
  limits: Limits,
  position: SourcePosition,
): LoadedConfig {
  const root = source.doc.contents as YAMLMap;
  const table = raw.table ?? `id ${raw.table_id}`;
  const findings = (['columns', 'rows'] as const)
    .filter((name) => raw[name] !== undefined)
    .map((name) =>
      finding(
        'tombstone-content',
        source.file,
        positionOf(
          source,
          (root.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.key as
            Node | undefined) ?? root,
        ),
        `"delete: true" deletes table ${table}, but the file also has "${name}".`,
        { table },
      ),
    );
  const config: TableConfig = {
    file: source.file,
    table: { name: raw.table, id: raw.table_id },
    description: raw.description,
    division: raw.division,
    environment: raw.environment,
    keyTitle: 'key',
    prune: false,
    limits,
    columns: [],
    valueSchemas: {},
    allow: [],
    rows: [],
    position,
    delete: true,
  };
  return { config, findings };
}
