import { createHash, type Hash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted at every level, no whitespace, `undefined` members left
 * out as JSON.stringify does. The same value always gives the same text, whatever order its
 * keys were built in, so hashes of it are stable. Plans, backups and signatures already written
 * depend on this exact text (test/unit/digest-pins.test.ts pins it).
 */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, { push: (text) => parts.push(text) });
  return parts.join('');
}

/** `sha256:<hex>` of the canonical JSON of a value, hashed as it is produced (no big string). */
export function sha256Of(value: unknown): string {
  const sink = new HashSink(createHash('sha256'));
  write(value, sink);
  return `sha256:${sink.digest()}`;
}

/** Something canonical text is written to, a fragment at a time. */
export interface Sink {
  push(text: string): void;
}

/** Batches small strings into ~64 KiB updates: one native call per fragment would dominate. */
export class HashSink implements Sink {
  private buffer = '';

  constructor(private readonly hash: Hash) {}

  push(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 65_536) {
      this.hash.update(this.buffer);
      this.buffer = '';
    }
  }

  digest(): string {
    this.hash.update(this.buffer);
    return this.hash.digest('hex');
  }
}

/**
 * The keys of one shape of record, sorted. A plan holds many rows with the same columns:
 * sorting the same keys again for each of them was most of the cost of hashing it.
 */
interface Shape {
  /** The keys in the record's own order, to recognise the next record of this shape. */
  own: readonly string[];
  sorted: readonly string[];
  /** A key named __proto__ must be copied as data: such records are copied without a prototype. */
  protoKey: boolean;
  /** A key that is an array index ("0", "10"): JSON.stringify writes those first. */
  indexKey: boolean;
  /** The record's own order is the sorted order: JSON.stringify writes it canonically as it is. */
  ordered: boolean;
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;
const shapes = new Map<string, Shape>();
/** The shapes met last, newest first: a plan's records cycle through a few (change, cells, rows). */
const recent: Shape[] = [];

function shapeOf(keys: readonly string[]): Shape {
  for (const shape of recent) if (sameKeys(shape.own, keys)) return shape;
  // JSON of the list, not a join: keys may hold any character, and two different key lists
  // must never share a cache entry (a collision would leave values out of a digest).
  const id = JSON.stringify(keys);
  let shape = shapes.get(id);
  if (!shape) {
    if (shapes.size > 10_000) shapes.clear();
    const sorted = [...keys].sort();
    shape = {
      own: [...keys],
      sorted,
      protoKey: keys.includes('__proto__'),
      indexKey: keys.some((key) => ARRAY_INDEX.test(key) && Number(key) < 2 ** 32 - 1),
      ordered: sameKeys(keys, sorted),
    };
    shapes.set(id, shape);
  }
  recent.unshift(shape);
  if (recent.length > 8) recent.pop();
  return shape;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * A flat record (a row: no member is an object) as text: copied with its keys in sorted order,
 * one native JSON.stringify writes it canonically (it skips undefined members, as the general
 * path does; keys that are array indices it writes first, in numeric order, which is part of
 * the canonical form since its first release). Undefined when a member is an object.
 */
function flatRecordText(record: Record<string, unknown>, shape: Shape): string | undefined {
  // An ordinary object built in one key order is one hidden class for every row of the shape,
  // which JSON.stringify writes fast; one without a prototype would be a slow dictionary.
  for (const key of shape.sorted) {
    const member = record[key];
    if (member !== null && typeof member === 'object') return undefined;
  }
  const ordered = (shape.protoKey ? Object.create(null) : {}) as Record<string, unknown>;
  for (const key of shape.sorted) ordered[key] = record[key];
  return JSON.stringify(ordered);
}

export function write(value: unknown, sink: Sink): void {
  if (value === null || typeof value !== 'object') {
    sink.push(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    writeArray(value, sink);
    return;
  }
  const record = value as Record<string, unknown>;
  const shape = shapeOf(Object.keys(record));
  const flat = flatRecordText(record, shape);
  if (flat !== undefined) {
    sink.push(flat);
    return;
  }
  sink.push('{');
  let first = true;
  for (const key of shape.sorted) {
    if (record[key] === undefined) continue;
    if (!first) sink.push(',');
    first = false;
    sink.push(JSON.stringify(key));
    sink.push(':');
    write(record[key], sink);
  }
  sink.push('}');
}

/** Items per JSON.stringify call when writing a list: large enough to leave the work native. */
const CHUNK = 64;

/**
 * A list, its items copied in canonical form and written a chunk at a time by JSON.stringify
 * (one native call for hundreds of rows instead of several calls per row); items that cannot
 * be copied so are written by {@link write}.
 */
function writeArray(list: readonly unknown[], sink: Sink): void {
  sink.push('[');
  for (let start = 0; start < list.length; start += CHUNK) {
    if (start > 0) sink.push(',');
    const end = Math.min(list.length, start + CHUNK);
    const text = flatChunkText(list, start, end) ?? copiedChunkText(list, start, end);
    if (text !== undefined) {
      sink.push(text.slice(1, -1));
      continue;
    }
    for (let index = start; index < end; index++) {
      if (index > start) sink.push(',');
      write(list[index] === undefined ? null : list[index], sink);
    }
  }
  sink.push(']');
}

function copiedChunkText(list: readonly unknown[], start: number, end: number): string | undefined {
  const copies = canonicalCopies(list, start, end);
  return copies && JSON.stringify(copies);
}

/**
 * A chunk of flat records of one shape (the rows of a table) as text, written by one
 * JSON.stringify with the sorted keys as its property list: the engine writes each record's
 * members in that order without a copy of it. Undefined for any other chunk: a key that is an
 * array index (the canonical form of a flat record writes those first) or `__proto__`, a
 * record with a prototype of its own (it could have a toJSON), a member that is not a string,
 * number, boolean, null or undefined.
 */
function flatChunkText(list: readonly unknown[], start: number, end: number): string | undefined {
  let shape: Shape | undefined;
  for (let index = start; index < end; index++) {
    const item = list[index];
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
    const prototype: unknown = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) return undefined;
    const keys = Object.keys(item);
    if (shape === undefined) {
      shape = shapeOf(keys);
      if (shape.indexKey || shape.protoKey) return undefined;
    } else if (!sameKeys(shape.own, keys)) return undefined;
    const record = item as Record<string, unknown>;
    for (const key of keys) {
      const member = record[key];
      const type = typeof member;
      if (
        member !== null &&
        type !== 'string' &&
        type !== 'number' &&
        type !== 'boolean' &&
        type !== 'undefined'
      )
        return undefined;
    }
  }
  if (shape === undefined) return undefined;
  return JSON.stringify(list.slice(start, end), shape.sorted as string[]);
}

/**
 * Records and lists one chunk may copy: a chunk's text stays small (a few hundred rows), and an
 * item that holds more (a table of 100,000 rows) is written piece by piece instead.
 */
const COPY_BUDGET = 8_192;

function canonicalCopies(list: readonly unknown[], start: number, end: number): unknown[] | undefined {
  const copies: unknown[] = [];
  const budget = { left: COPY_BUDGET };
  for (let index = start; index < end; index++) {
    const copy = canonicalCopy(list[index], budget);
    if (copy === NOT_CANONICAL) return undefined;
    copies.push(copy);
  }
  return copies;
}

const NOT_CANONICAL = Symbol('not canonical');

/**
 * A copy of a value that JSON.stringify writes as its canonical text: records rebuilt with
 * their keys in sorted order. NOT_CANONICAL where that cannot be: a record that holds records
 * and has a key that is an array index (the engine would write that key first; the canonical
 * form sorts it), a value JSON has no form for (a function, a symbol, a bigint), or more
 * records and lists than the budget allows.
 */
function canonicalCopy(value: unknown, budget: { left: number }): unknown {
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type !== 'object' || --budget.left < 0) return NOT_CANONICAL;
  if (Array.isArray(value)) return listCopy(value, budget);
  const record = value as Record<string, unknown>;
  const shape = shapeOf(Object.keys(record));
  // A record already in sorted order is kept as it is until a member of it has to be copied.
  let copy: Record<string, unknown> | undefined = shape.ordered
    ? undefined
    : ((shape.protoKey ? Object.create(null) : {}) as Record<string, unknown>);
  let nested = false;
  for (let index = 0; index < shape.sorted.length; index++) {
    const key = shape.sorted[index]!;
    const original = record[key];
    // Most members are cells: kept as they are without a call.
    const member = isScalar(original) ? original : canonicalCopy(original, budget);
    if (member === NOT_CANONICAL) return NOT_CANONICAL;
    if (member !== null && typeof member === 'object') nested = true;
    if (copy === undefined && member !== original) copy = recordPrefix(record, shape, index);
    if (copy !== undefined) copy[key] = member;
  }
  if (nested && shape.indexKey) return NOT_CANONICAL;
  // An own toJSON is a function, which is not canonical; an inherited one would be called.
  return copy ?? (isPlain(record) ? record : NOT_CANONICAL);
}

/** A list as {@link canonicalCopy} copies it: itself while no item needs a copy. */
function listCopy(value: readonly unknown[], budget: { left: number }): unknown {
  // A subclass of Array could have a toJSON: the copy, a plain array, has none.
  let copy: unknown[] | undefined =
    Object.getPrototypeOf(value) === Array.prototype ? undefined : new Array<unknown>(value.length);
  for (let index = 0; index < value.length; index++) {
    const original = value[index];
    const item = canonicalCopy(original, budget);
    if (item === NOT_CANONICAL) return NOT_CANONICAL;
    if (copy === undefined && item !== original) copy = value.slice(0, index);
    if (copy !== undefined) copy[index] = item;
  }
  return copy ?? value;
}

/** A copy of a record's first members in sorted order, where a member of it first needs a copy. */
function recordPrefix(record: Record<string, unknown>, shape: Shape, count: number): Record<string, unknown> {
  const copy = (shape.protoKey ? Object.create(null) : {}) as Record<string, unknown>;
  for (let index = 0; index < count; index++) copy[shape.sorted[index]!] = record[shape.sorted[index]!];
  return copy;
}

function isScalar(value: unknown): boolean {
  const type = typeof value;
  return (
    type === 'string' || type === 'number' || type === 'boolean' || value === null || value === undefined
  );
}

function isPlain(record: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(record);
  return prototype === Object.prototype || prototype === null;
}
