import { RE2JS } from 're2js';

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

export class PatternError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
  ) {
    super(`The pattern ${JSON.stringify(source)} ${reason}`);
    this.name = 'PatternError';
  }
}

// Config files are bounded, so the cache is too; a full cache is cleared, not kept in order.
const MAX_CACHED = 2000;
const cache = new Map<string, LinearPattern | PatternError>();

/** The pattern compiled for linear-time matching; throws a PatternError that says the fix. */
export function compilePattern(source: string): LinearPattern {
  let compiled = cache.get(source);
  if (compiled === undefined) {
    compiled = compileUncached(source);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(source, compiled);
  }
  if (compiled instanceof PatternError) throw compiled;
  return compiled;
}

/** Why the pattern cannot be used (a sentence without the pattern itself), or undefined. */
export function patternProblem(source: string): string | undefined {
  try {
    compilePattern(source);
    return undefined;
  } catch (error) {
    return (error as PatternError).reason;
  }
}

function compileUncached(source: string): LinearPattern | PatternError {
  // First as JavaScript (with the u flag, as JSON Schema asks): what the author wrote must be
  // a valid pattern in the language they think in.
  try {
    new RegExp(source, 'u');
  } catch (error) {
    const detail = (error as Error).message.replace(/^Invalid regular expression: \/.*\/u?: /s, '');
    return new PatternError(source, `is not a regular expression (${detail}); fix its syntax.`);
  }
  try {
    const engine = RE2JS.compile(RE2JS.translateRegExp(source));
    return {
      source,
      test: (text: string) => engine.test(text),
      toString: () => `/${source}/u`,
    };
  } catch (error) {
    const detail = (error as Error).message.replace(/^error parsing regexp: /, '');
    return new PatternError(
      source,
      `uses what the linear-time engine cannot run (${detail}): lookahead, lookbehind, backreferences and repeat counts above 1000 are not supported; rewrite it without them.`,
    );
  }
}

/**
 * The same engine in the shape ajv's `code.regExp` option takes. Ajv calls it with the `u`
 * flag; RE2 is always Unicode-aware.
 */
export function linearRegExp(pattern: string): LinearPattern {
  return compilePattern(pattern);
}
linearRegExp.code = 'linearRegExp';
