import type { ValidateFunction } from 'ajv';
import { createAjv } from './ajv.js';

/** JSON Schemas for json values (`valueSchemas:`), compiled once per key. */
export class ValueSchemas {
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
