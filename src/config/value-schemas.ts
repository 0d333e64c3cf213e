import type { ValidateFunction } from 'ajv';
import { createAjv } from './ajv.js';

/** Says once that the schema under `valueSchemas.<key>` cannot be used, and why. */
export type BrokenSchemaReport = (key: string, problem: string) => void;

/**
 * JSON Schemas for json values (`valueSchemas:`), each compiled once. A schema that cannot be
 * compiled, or that recurses without end (`$ref: "#"`), is reported once through `onBroken` and
 * then skipped, so that every row it would apply to does not repeat the finding.
 */
export class ValueSchemas {
  private readonly compiled = new Map<string, ValidateFunction | 'broken'>();
  private ajv: ReturnType<typeof createAjv> | undefined;

  constructor(
    private readonly schemas: Record<string, unknown>,
    private readonly onBroken: BrokenSchemaReport,
  ) {}

  /** Compiles every schema now, so that a broken one is reported even when no row uses it. */
  compileAll(): void {
    for (const key of Object.keys(this.schemas)) this.validator(key);
  }

  /** A description of why `json` does not match the key's schema; undefined when it does (or there is none). */
  check(key: string, json: string): string | undefined {
    if (!Object.hasOwn(this.schemas, key)) return undefined;
    const validate = this.validator(key);
    if (validate === 'broken') return undefined;
    let valid: boolean;
    try {
      valid = validate(JSON.parse(json)) as boolean;
    } catch (error) {
      // Ajv compiles `$ref: "#"` (and other loops that consume no data) into a function that
      // calls itself until the stack runs out.
      this.compiled.set(key, 'broken');
      this.onBroken(
        key,
        error instanceof RangeError
          ? 'refers to itself without end (a $ref loop that reaches no keyword); give the recursion a base case.'
          : `could not be applied: ${(error as Error).message}.`,
      );
      return undefined;
    }
    if (valid) return undefined;
    return (validate.errors ?? [])
      .map((error) => `${error.instancePath || 'the value'} ${error.message}`)
      .join('; ');
  }

  private validator(key: string): ValidateFunction | 'broken' {
    let validate = this.compiled.get(key);
    if (validate !== undefined) return validate;
    const schema = this.schemas[key];
    try {
      if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
        throw new Error('a JSON Schema must be a map');
      // Strict about the schema itself: an unknown format or a misspelt keyword ("minimun")
      // would otherwise be ignored, and the values it meant to hold would pass unchecked.
      this.ajv ??= createAjv({
        strictSchema: true,
        strictTypes: false,
        strictTuples: false,
        strictRequired: false,
      });
      validate = this.ajv.compile(schema);
    } catch (error) {
      validate = 'broken';
      this.onBroken(key, `is not a usable JSON Schema: ${(error as Error).message.replace(/\.$/, '')}.`);
    }
    this.compiled.set(key, validate);
    return validate;
  }
}
