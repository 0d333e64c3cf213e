import { ConfigurationError } from '../errors.js';
import type { Where } from './types.js';

/**
 * Source positions. The HCL parser returns blocks without positions and JSON.parse returns
 * none at all, so items are located by finding their block header or label in the text: a
 * resource's type and label are unique within a module, so the first match is the block.
 */

/** 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `resource "TYPE" "LABEL" {` (or `data …`) starts in HCL source; labels may be bare. */
export function locateHclBlock(
  file: string,
  text: string,
  block: 'resource' | 'data',
  type: string,
  label: string,
): Where {
  const name = (value: string) => `(?:"${escapeRegExp(value)}"|${escapeRegExp(value)})`;
  const pattern = new RegExp(`^[ \\t]*${block}[ \\t]+${name(type)}[ \\t]+${name(label)}[ \\t]*\\{`, 'm');
  const match = pattern.exec(text);
  return match
    ? { file, ...positionAt(text, match.index + match[0].length - match[0].trimStart().length) }
    : { file };
}

/**
 * Where a JSON key (or a `"key": "value"` pair) first appears at or after `from`; used for a
 * resource label in `.tf.json` and a resource name in state. Returns the offset too, so that
 * nested items can be searched for after their parent.
 */
export function locateJson(
  file: string,
  text: string,
  key: string,
  value?: string,
  from = 0,
): Where & { offset: number } {
  const quoted = (item: string) => escapeRegExp(JSON.stringify(item));
  const pattern = new RegExp(`${quoted(key)}\\s*:${value !== undefined ? `\\s*${quoted(value)}` : ''}`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { file, ...positionAt(text, match.index), offset: match.index } : { file, offset: from };
}

/** JSON.parse, with a refusal that says file:line:column and what to do. */
export function parseJsonFile(file: string, text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = (error as Error).message;
    // Newer Node versions say "(line L column C)" or "at position N"; Node 20 often says neither.
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const offset = /position (\d+)/.exec(message);
    const at = positionAt(text, offset ? Number(offset[1]) : errorOffset(text));
    const where = lineColumn
      ? `${file}:${lineColumn[1]}:${lineColumn[2]}`
      : `${file}:${at.line}:${at.column}`;
    throw new ConfigurationError(
      `${where}: ${what} is not valid JSON: ${message.split('\n')[0]}`,
      `Fix the file at that place (run "terraform validate" or a JSON linter on it), or leave it out of the import.`,
    );
  }
}

/**
 * Where JSON.parse gives up, for runtimes whose message does not say: the shortest prefix
 * that fails for another reason than ending early ends at the offending character. A prefix
 * before it only ever ends early (or parses), so a binary search finds it.
 */
function errorOffset(text: string): number {
  const failsInside = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      // Running out of text shows as "end of JSON input" or as a position at the very end.
      const message = (error as Error).message;
      const position = /position (\d+)/.exec(message);
      return !/end of JSON input/i.test(message) && Number(position?.[1] ?? -1) < length;
    }
  };
  if (!failsInside(text.length)) return text.length;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}
