import { DEFAULT_VALUE_COLUMNS, parseTypedValue, type ValueColumns } from '../config/typed-value.js';
import type { Row } from '../genesys/types.js';
import { snapshotHash } from './content-hash.js';
import type { ConfigValue, TableSnapshot } from './types.js';

// Shared with validate, which reads config rows with the same columns as the reader.
export { DEFAULT_VALUE_COLUMNS, type ValueColumns } from '../config/typed-value.js';

/** The key of a row: the API stores it in the field `key`. */
export function rowKey(row: Readonly<Row>): string {
  return String(row.key ?? '');
}

/**
 * The content hash the deploy writes into the versions table after a table's rows; one function
 * for both sides, so a reader can tell a consistent read from one torn across a deploy.
 */
export { snapshotHash } from './content-hash.js';

// Shared with validate (consumer contracts are checked against the same typed values).
export { deepFreeze, parseTypedValue, type ParsedValue } from '../config/typed-value.js';

const frozenMaps = new WeakSet<object>();

/** A Map that refuses changes once built: Object.freeze does not stop Map.set. */
export class FrozenMap<K, V> extends Map<K, V> {
  constructor(entries: Iterable<readonly [K, V]>) {
    super(entries);
    frozenMaps.add(this);
    Object.freeze(this);
  }

  override set(key: K, value: V): this {
    if (frozenMaps.has(this)) throw new TypeError('A snapshot is immutable.');
    return super.set(key, value);
  }

  override delete(): boolean {
    throw new TypeError('A snapshot is immutable.');
  }

  override clear(): void {
    throw new TypeError('A snapshot is immutable.');
  }
}

export interface SnapshotInput {
  readonly table: string;
  readonly version: number;
  readonly rows: readonly Readonly<Row>[];
  readonly fetchedAt: number;
  readonly columns?: ValueColumns | undefined;
  /** Already computed by the caller (the torn-read check): not hashed again. */
  readonly hash?: string | undefined;
}

export interface BuiltSnapshot {
  readonly snapshot: TableSnapshot;
  /** Keys whose value text cannot be read as its kind, with why: served as safe defaults. */
  readonly unreadable: ReadonlyMap<string, string>;
}

/** Builds the immutable snapshot of one table; an unparsable value is reported, never thrown. */
export function buildSnapshot(input: SnapshotInput): BuiltSnapshot {
  const columns = input.columns ?? DEFAULT_VALUE_COLUMNS;
  const rows: [string, Readonly<Row>][] = [];
  const values: [string, ConfigValue][] = [];
  const unreadable = new Map<string, string>();
  let bytes = 0;
  for (const row of input.rows) {
    const key = rowKey(row);
    const frozen = Object.isFrozen(row) ? row : Object.freeze({ ...row });
    rows.push([key, frozen]);
    bytes += rowBytes(frozen);
    const typeCell = frozen[columns.typeColumn];
    const parsed = parseTypedValue(
      frozen[columns.valueColumn],
      typeCell === undefined ? undefined : String(typeCell),
    );
    if (parsed.ok) values.push([key, parsed.value]);
    else unreadable.set(key, parsed.problem);
  }
  const snapshot: TableSnapshot = Object.freeze({
    table: input.table,
    version: input.version,
    hash: input.hash ?? snapshotHash(input.rows),
    fetchedAt: input.fetchedAt,
    rows: new FrozenMap(rows),
    values: new FrozenMap(values),
    bytes,
  });
  return { snapshot, unreadable: new FrozenMap(unreadable) };
}

/** Rough heap size of a row: UTF-16 text, 8 bytes per number or boolean, a fixed cost per field. */
function rowBytes(row: Readonly<Row>): number {
  let bytes = 64;
  for (const [field, value] of Object.entries(row)) {
    bytes += 32 + field.length * 2 + (typeof value === 'string' ? value.length * 2 : 8);
  }
  // The typed value and the Map entries roughly double what the text alone takes.
  return bytes * 2;
}
