/** Says once that the schema under `valueSchemas.<key>` cannot be used, and why. */
export type BrokenSchemaReport = (key: string, problem: string) => void;
/**
 * JSON Schemas for json values (`valueSchemas:`), each compiled once. A schema that cannot be
 * compiled, or that recurses without end (`$ref: "#"`), is reported once through `onBroken` and
 * then skipped, so that every row it would apply to does not repeat the finding.
 */
export declare class ValueSchemas {
    private readonly schemas;
    private readonly onBroken;
    private readonly compiled;
    private ajv;
    constructor(schemas: Record<string, unknown>, onBroken: BrokenSchemaReport);
    /** Compiles every schema now, so that a broken one is reported even when no row uses it. */
    compileAll(): void;
    /** A description of why `json` does not match the key's schema; undefined when it does (or there is none). */
    check(key: string, json: string): string | undefined;
    private validator;
}
