import { hclParser } from './hcl-parser.js';
import type { JsonValue } from './types.js';

export type Evaluated = { json: string } | { problem: string };

const EXPRESSION = /^\$\{[\s\S]*\}$/;

/**
 * `properties_json = jsonencode({...})` arrives from the parser unevaluated, as the string
 * "${jsonencode({...})}". When the call's one argument holds literal values only, the parser
 * evaluates it for us if it is given as an attribute of its own; anything that needs Terraform
 * to evaluate (a variable, `each.value`, a function) is a problem to report, not to guess.
 */
export async function evaluateJsonencode(expression: string): Promise<Evaluated> {
  if (!EXPRESSION.test(expression)) return { json: expression };
  const parser = await hclParser();
  const wrapped = `"${expression}"`;
  let argument: string | undefined;
  try {
    const tree = await parser.getExpressionAst('expression.tf', wrapped);
    const call = tree?.type === 'templateWrap' && tree.children.length === 1 ? tree.children[0] : undefined;
    const range = call?.meta?.argsRanges?.length === 1 ? call.meta.argsRanges[0] : undefined;
    if (call?.type === 'function' && call.meta?.name === 'jsonencode' && range)
      // The parser's ranges count UTF-8 bytes.
      argument = Buffer.from(wrapped).subarray(range.start.byte, range.end.byte).toString();
  } catch {
    argument = undefined;
  }
  if (argument === undefined)
    return {
      problem: `${shorten(expression)} is not a jsonencode({...}) call that can be read without Terraform`,
    };
  let value: JsonValue | undefined;
  try {
    value = (await parser.parse('expression.tf', `value = ${argument}\n`)).value;
  } catch {
    value = undefined;
  }
  if (value === undefined || typeof value === 'string')
    return { problem: `${shorten(expression)} needs Terraform to evaluate it` };
  const unevaluated = findExpression(value);
  if (unevaluated !== undefined)
    return {
      problem: `${shorten(expression)} holds ${shorten(unevaluated)}, which needs Terraform to evaluate it`,
    };
  return { json: JSON.stringify(value) };
}

/** The first string (key or value) that still holds an interpolation or a template directive. */
function findExpression(value: JsonValue): string | undefined {
  if (typeof value === 'string') return /[$%]\{/.test(value) ? value : undefined;
  if (Array.isArray(value)) return value.map(findExpression).find((item) => item !== undefined);
  if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      const found = findExpression(key) ?? findExpression(item);
      if (found !== undefined) return found;
    }
  return undefined;
}

/** An expression for a message: one line, at most 80 characters. */
export function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
}
