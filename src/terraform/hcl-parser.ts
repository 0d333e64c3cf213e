import { ConfigurationError } from '../errors.js';
import type { JsonObject } from './types.js';

/** A position in an expression's source, as the parser reports it (line 0-based, byte offsets). */
interface Marker {
  line: number;
  column: number;
  byte: number;
}

/** The part of the parser's expression tree the import reads. */
export interface ExpressionNode {
  type: string;
  meta?: { name?: string; argsRanges?: Array<{ start: Marker; end: Marker }> } | undefined;
  children: ExpressionNode[];
}

/** The two calls of @cdktn/hcl2json the import uses. */
export interface HclParser {
  /** HCL2 → JSON: blocks as arrays, literals evaluated, other expressions as "${...}" strings. */
  parse(filename: string, contents: string): Promise<JsonObject>;
  getExpressionAst(filename: string, expression: string): Promise<ExpressionNode | null>;
}

const PACKAGE = '@cdktn/hcl2json';
let loading: Promise<HclParser> | undefined;

/**
 * The HCL parser, loaded on first use. It is a Go WebAssembly module that reads its .wasm file
 * from beside its own code, which ncc cannot carry into dist/cli.js; so it stays an ordinary
 * dependency, imported by a name the bundler leaves alone, and only `import terraform` of a .tf
 * file pays its start-up (about 0.2 s).
 */
export function hclParser(): Promise<HclParser> {
  loading ??= (async () => {
    const specifier: string = PACKAGE;
    try {
      const loaded = (await import(/* webpackIgnore: true */ specifier)) as Partial<HclParser> & {
        default?: HclParser;
      };
      return loaded.parse && loaded.getExpressionAst ? (loaded as HclParser) : loaded.default!;
    } catch (error) {
      loading = undefined;
      throw new ConfigurationError(
        `Reading .tf files needs the package ${PACKAGE}, which could not be loaded: ${(error as Error).message.split('\n')[0]}`,
        `Install datatable-deploy with npm (it brings ${PACKAGE}), or run "npm install ${PACKAGE}" beside it; .tf.json and state files need no parser.`,
      );
    }
  })();
  return loading;
}

/** The name the parser is given, so that its messages can be traced back to the real file. */
const PLACEHOLDER = 'input.tf';

/**
 * Parses HCL source; a syntax error becomes a ConfigurationError that starts with
 * file:line:column and carries the parser's own summary and detail.
 */
export async function parseHcl(file: string, text: string): Promise<JsonObject> {
  const parser = await hclParser();
  try {
    return await parser.parse(PLACEHOLDER, text);
  } catch (error) {
    throw locatedSyntaxError(file, (error as Error).message);
  }
}

function locatedSyntaxError(file: string, message: string): ConfigurationError {
  // e.g. "parse config: [input.tf:2,10-3,1: Invalid expression; Expected the start of an expression…]"
  const diagnostics = [
    ...message.matchAll(/input\.tf:(\d+),(\d+)(?:-[\d,]+)?: ([^\]]*?)(?=, input\.tf:|\]|$)/g),
  ];
  const first = diagnostics[0];
  if (!first)
    return new ConfigurationError(
      `${file}: the HCL could not be parsed: ${message}`,
      'Run "terraform validate" in its directory to see the problem, fix it, and import again.',
    );
  const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : '';
  return new ConfigurationError(
    `${file}:${first[1]}:${first[2]}: ${first[3]!.trim()}${more}`,
    'Fix the HCL at that place ("terraform validate" shows the same error), and import again.',
  );
}
