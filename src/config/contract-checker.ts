import { ConfigurationError } from '../errors.js';
import type { TypedValue } from './typed-value.js';
import type { ValueKind } from './types.js';
import { ValueSchemas, type BrokenSchemaReport } from './value-schemas.js';

/** What a consumer expects of one key: a value kind, or a JSON Schema the value must match. */
export type KeyContract = ValueKind | { readonly [keyword: string]: unknown };

/**
 * A consumer's contract for one table, schemas compiled once. The runtime reader and validate
 * share it, so that a value validate accepts is one the reader serves. By default a broken
 * schema throws (the reader fails at start-up); validate passes `onBroken` to report it instead.
 */
export class ContractChecker {
  private readonly schemas: ValueSchemas | undefined;

  constructor(
    table: string,
    private readonly contract: ReadonlyMap<string, KeyContract>,
    onBroken: BrokenSchemaReport = (key, problem) => {
      throw new ConfigurationError(
        `The contract's JSON Schema for ${table}.${key} ${problem}`,
        'Fix that schema in the consumer contract (a map of JSON Schema keywords).',
      );
    },
  ) {
    const schemas = Object.fromEntries([...contract].filter(([, expected]) => typeof expected !== 'string'));
    if (Object.keys(schemas).length === 0) return;
    this.schemas = new ValueSchemas(schemas, onBroken);
    this.schemas.compileAll();
  }

  get size(): number {
    return this.contract.size;
  }

  /** Why `value` breaks the contract of `key`; undefined when it keeps it (or the key has none). */
  check(key: string, value: TypedValue): string | undefined {
    const expected = this.contract.get(key);
    if (expected === undefined) return undefined;
    if (typeof expected === 'string') {
      return holdsKind(value, expected) ? undefined : `expected ${expected}, got ${describe(value)}`;
    }
    return this.schemas?.check(key, JSON.stringify(value));
  }
}

function holdsKind(value: TypedValue, kind: ValueKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'json':
      return typeof value === 'object' && value !== null;
  }
}

function describe(value: TypedValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}
