import type { ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import contractSchema from '../../schema/datatable-contract.schema.json' with { type: 'json' };
import { createAjv } from './ajv.js';
import { ContractChecker, type KeyContract } from './contract-checker.js';
import { finding, type Finding } from './findings.js';
import { checkStructure } from './structure.js';
import { DEFAULT_VALUE_COLUMNS, type ValueColumns } from './typed-value.js';
import type { SourcePosition } from './types.js';
import {
  DEFAULT_LOAD_OPTIONS,
  parseYamlSource,
  positionOf,
  type LoadOptions,
  type YamlSource,
} from './yaml-source.js';

/** One key a consumer reads: what its value must be (none: any), and whether it must exist. */
export interface ContractKey {
  readonly name: string;
  readonly expected?: KeyContract | undefined;
  readonly required: boolean;
  /** Where the contract names the key (under `keys`, else in `required`). */
  readonly position: SourcePosition;
}

/** What a consumer reads from one table. */
export interface ContractTable {
  readonly name: string;
  readonly position: SourcePosition;
  /** The columns as the file gives them (the reader's defaults apply where it does not). */
  readonly columns: Partial<ValueColumns>;
  readonly keys: readonly ContractKey[];
  /** The `keys` map as the reader's `contract` option takes it. */
  readonly contract: Readonly<Record<string, KeyContract>>;
  readonly checker: ContractChecker;
}

/** A consumer contract file, read and checked. */
export interface ConsumerContract {
  readonly file: string;
  readonly consumer: string;
  readonly position: SourcePosition;
  readonly tables: readonly ContractTable[];
}

/** The file as the JSON Schema lets it be. */
interface RawContract {
  consumer: string;
  tables: Record<string, RawTable>;
}

interface RawTable {
  keys?: Record<string, KeyContract>;
  required?: string[];
  valueColumn?: string;
  typeColumn?: string;
}

let validator: ValidateFunction | undefined;

/**
 * Reads a consumer contract (`schema/datatable-contract.schema.json`): YAML 1.2 with the same
 * guards as config files, its structure, and every JSON Schema in it (a schema that cannot be
 * compiled is a finding at its place). `contract` is absent when there are errors.
 */
export function parseContract(
  file: string,
  bytes: Buffer,
  options: LoadOptions = DEFAULT_LOAD_OPTIONS,
): { contract?: ConsumerContract; findings: Finding[] } {
  const source = parseYamlSource(file, bytes, options);
  if (Array.isArray(source)) return { findings: source };
  const structure = checkStructure(source, source.value, (validator ??= createAjv().compile(contractSchema)));
  if (structure.length > 0) return { findings: structure.map(withContractHint) };
  const raw = source.value as RawContract;
  const findings: Finding[] = [];
  const tables = Object.entries(raw.tables).map(([name, table]) => readTable(source, name, table, findings));
  if (findings.length > 0) return { findings };
  const contract = {
    file,
    consumer: raw.consumer,
    position: placeOf(source, ['consumer']),
    tables,
  };
  return { contract, findings };
}

/** The structure rules' own fixes speak of config files; the format of this file is elsewhere. */
function withContractHint(item: Finding): Finding {
  if (item.rule !== 'schema-type' && item.rule !== 'schema-unknown-property') return item;
  return { ...item, hint: 'Write it as docs/contracts.md shows (schema/datatable-contract.schema.json).' };
}

function readTable(source: YamlSource, name: string, raw: RawTable, findings: Finding[]): ContractTable {
  const contract = raw.keys ?? {};
  const required = new Set(raw.required ?? []);
  const keys: ContractKey[] = Object.entries(contract).map(([key, expected]) => ({
    name: key,
    expected,
    required: required.has(key),
    position: placeOf(source, ['tables', name, 'keys', key]),
  }));
  // A key only under `required`: it must exist, whatever its value.
  (raw.required ?? []).forEach((key, index) => {
    if (!Object.hasOwn(contract, key))
      keys.push({
        name: key,
        required: true,
        position: placeOf(source, ['tables', name, 'required', index]),
      });
  });
  const checker = new ContractChecker(name, new Map(Object.entries(contract)), (key, problem) =>
    findings.push(
      finding(
        'contract-schema-invalid',
        source.file,
        valuePlaceOf(source, ['tables', name, 'keys', key]),
        `The JSON Schema for key "${key}" of table "${name}" ${problem}`,
        { table: name, key },
      ),
    ),
  );
  const columns: Partial<ValueColumns> = {
    ...(raw.valueColumn !== undefined ? { valueColumn: raw.valueColumn } : {}),
    ...(raw.typeColumn !== undefined ? { typeColumn: raw.typeColumn } : {}),
  };
  return { name, position: placeOf(source, ['tables', name]), columns, keys, contract, checker };
}

/** The columns a table's values are read from: the file's, else the reader's defaults. */
export function contractColumns(table: ContractTable): ValueColumns {
  return { ...DEFAULT_VALUE_COLUMNS, ...table.columns };
}

type Segment = string | number;

/** Where the path's last name is written (a map's key, a list's item); the nearest node found else. */
function placeOf(source: YamlSource, path: readonly Segment[]): SourcePosition {
  return positionOf(source, walk(source, path, 'key'));
}

/** Where the value at the path starts. */
function valuePlaceOf(source: YamlSource, path: readonly Segment[]): SourcePosition {
  return positionOf(source, walk(source, path, 'value'));
}

function walk(source: YamlSource, path: readonly Segment[], want: 'key' | 'value'): Node | undefined {
  let node = source.doc.contents as Node | null;
  let found: Node | undefined;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      found = (last && want === 'key' ? pair.key : pair.value) as Node | undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      found = node.items[segment] as Node | undefined;
    } else break;
    node = found ?? null;
  }
  return found;
}
