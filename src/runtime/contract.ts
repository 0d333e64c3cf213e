import type { ValueKind } from '../config/types.js';
import { ValueSchemas } from '../config/value-schemas.js';
import { ConfigurationError } from '../errors.js';
import type { KeyContract } from './options.js';
import type { ConfigValue } from './types.js';

/** A consumer's contract for one table, schemas compiled once (a broken schema fails at start-up). */
export class ContractChecker {
  private readonly schemas: ValueSchemas | undefined;

  constructor(
    table: string,
    private readonly contract: ReadonlyMap<string, KeyContract>,
  ) {
    const schemas = Object.fromEntries([...contract].filter(([, expected]) => typeof expected !== 'string'));
    if (Object.keys(schemas).length === 0) return;
    this.schemas = new ValueSchemas(schemas, (key, problem) => {
      throw new ConfigurationError(
        `The contract's JSON Schema for ${table}.${key} ${problem}`,
        'Fix that schema in the consumer contract (a map of JSON Schema keywords).',
      );
    });
    this.schemas.compileAll();
  }

  get size(): number {
    return this.contract.size;
  }

  /** Why `value` breaks the contract of `key`; undefined when it keeps it (or the key has none). */
  check(key: string, value: ConfigValue): string | undefined {
    const expected = this.contract.get(key);
    if (expected === undefined) return undefined;
    if (typeof expected === 'string') {
      return holdsKind(value, expected) ? undefined : `expected ${expected}, got ${describe(value)}`;
    }
    return this.schemas?.check(key, JSON.stringify(value));
  }
}

function holdsKind(value: ConfigValue, kind: ValueKind): boolean {
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

function describe(value: ConfigValue): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'a map' : `${typeof value} ${JSON.stringify(value)}`;
}
