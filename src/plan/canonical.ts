import { createHash, type Hash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted at every level, no whitespace, `undefined` members left
 * out as JSON.stringify does. The same value always gives the same text, whatever order its
 * keys were built in, so hashes of it are stable.
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

/**
 * Sorted keys, cached per shape: a plan holds many rows with the same columns, and sorting the
 * same keys again for each of them is most of the cost of hashing it.
 */
const shapes = new Map<string, string[]>();
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  // JSON of the list, not a join: keys may hold any character, and two different key lists
  // must never share a cache entry (a collision would leave values out of a digest).
  const shape = JSON.stringify(keys);
  let sorted = shapes.get(shape);
  if (!sorted) {
    if (shapes.size > 10_000) shapes.clear();
    sorted = [...keys].sort();
    shapes.set(shape, sorted);
  }
  return sorted;
}

interface Sink {
  push(text: string): void;
}

/** Batches small strings into ~64 KiB updates: one native call per fragment would dominate. */
class HashSink implements Sink {
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

function write(value: unknown, sink: Sink): void {
  if (value === null || typeof value !== 'object') {
    sink.push(value === undefined ? 'null' : JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    sink.push('[');
    for (let index = 0; index < value.length; index++) {
      if (index > 0) sink.push(',');
      write(value[index] === undefined ? null : value[index], sink);
    }
    sink.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = sortedKeys(record);
  // Rows are flat maps of scalars: copied with their keys in sorted order, one native
  // JSON.stringify writes them canonically (it skips undefined members, as below).
  if (keys.every((key) => record[key] === null || typeof record[key] !== 'object')) {
    // No prototype: a key named __proto__ must be copied as data, not set the prototype.
    const ordered = Object.create(null) as Record<string, unknown>;
    for (const key of keys) ordered[key] = record[key];
    sink.push(JSON.stringify(ordered));
    return;
  }
  sink.push('{');
  let first = true;
  for (const key of keys) {
    if (record[key] === undefined) continue;
    if (!first) sink.push(',');
    first = false;
    sink.push(JSON.stringify(key));
    sink.push(':');
    write(record[key], sink);
  }
  sink.push('}');
}
