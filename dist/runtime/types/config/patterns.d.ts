/**
 * Regular expressions that come from config files (column `pattern`, JSON Schema `pattern` and
 * `patternProperties` in `valueSchemas`, health-check `matches`) run on RE2JS, an engine whose
 * matching time is linear in the input: `^(a|aa)+$` on a long value takes microseconds instead
 * of the seconds to hours V8's backtracking engine can take. The price is that lookaround and
 * backreferences are not available; such a pattern is refused with a finding.
 */
export interface LinearPattern {
    readonly source: string;
    /** True when the pattern matches anywhere in `text` (like `RegExp.prototype.test`). */
    test(text: string): boolean;
    /** Ajv keys its compiled patterns by this text, so it must differ between patterns. */
    toString(): string;
}
export declare class PatternError extends Error {
    readonly source: string;
    readonly reason: string;
    constructor(source: string, reason: string);
}
/** The pattern compiled for linear-time matching; throws a PatternError that says the fix. */
export declare function compilePattern(source: string): LinearPattern;
/** Why the pattern cannot be used (a sentence without the pattern itself), or undefined. */
export declare function patternProblem(source: string): string | undefined;
/**
 * The same engine in the shape ajv's `code.regExp` option takes. Ajv calls it with the `u`
 * flag; RE2 is always Unicode-aware.
 */
export declare function linearRegExp(pattern: string): LinearPattern;
export declare namespace linearRegExp {
    var code: string;
}
