import { LineCounter, Parser, parseDocument, type CST, type Document } from 'yaml';
import { finding, type Finding, type RuleId } from './findings.js';
import type { SourcePosition } from './types.js';

/** yaml's error codes that have a rule of their own; everything else is `yaml-syntax`. */
const YAML_CODES: Record<string, RuleId> = {
  TAB_AS_INDENT: 'yaml-tab-indent',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};

/**
 * Parses the text into one YAML 1.2 document, or refuses it with findings at the exact places:
 * YAML errors, several documents, nesting too deep for the parser, a parser that breaks on the
 * text, and a %YAML directive for another version.
 */
export function parseConfigYaml(
  file: string,
  text: string,
  at: (offset: number) => SourcePosition,
  maxDepth: number,
): Document.Parsed | Finding[] {
  const doc = parseYaml(text);
  if (doc === undefined) {
    return [
      finding(
        'yaml-syntax',
        file,
        at(parserOverflowOffset(text)),
        'The YAML breaks the parser from here on (its stack ran out); fix the first error at this position.',
      ),
    ];
  }
  // Nesting deep enough to exhaust the stack: yaml says so at places that depend on the stack's
  // size, and may say it more than once; one finding, where the nesting passes the limit.
  if (doc.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION'))
    return [
      finding(
        'yaml-too-deep',
        file,
        at(tooDeepOffset(text, maxDepth)),
        `The value is nested too deeply to read (at most ${maxDepth} levels are allowed).`,
      ),
    ];
  if (doc.errors.length > 0) {
    const findings = new Map<string, Finding>();
    for (const error of doc.errors) {
      const rule = YAML_CODES[error.code] ?? 'yaml-syntax';
      const position = at(error.pos[0]);
      // One finding per place: a broken token often makes yaml report the same spot twice.
      const id = `${position.line}:${position.column}`;
      if (!findings.has(id))
        findings.set(id, finding(rule, file, position, yamlMessage(error.code, error.message)));
    }
    return [...findings.values()];
  }
  // A %YAML 1.1 directive would switch the file to YAML 1.1 (n, yes, off become booleans, 010
  // octal): the format is YAML 1.2 only.
  const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
  if (directive && directive[1] !== '1.2')
    return [
      finding(
        'yaml-version',
        file,
        at(directive.index),
        `The file declares YAML ${directive[1]}; config files are read as YAML 1.2 only.`,
      ),
    ];
  return doc;
}

/**
 * Where each line starts, from the text itself. yaml's own LineCounter misses the line breaks
 * its lexer swallows into a broken token (a stray "}" at the start of a line), which would put
 * every later error lines too early and columns past the end of the line.
 */
export function lineStartsOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let offset = text.indexOf('\n'); offset >= 0; offset = text.indexOf('\n', offset + 1))
    lineCounter.addNewLine(offset + 1);
  return lineCounter;
}

function parseYaml(text: string): Document.Parsed | undefined {
  try {
    // uniqueKeys is off: yaml's check is quadratic in the size of a map (seconds for 5,000 rows);
    // inspectTree finds duplicates in one pass instead.
    return parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: true });
  } catch (error) {
    // yaml's parser recurses per line in some broken states (thousands of lines like `"a"0: x`)
    // and can run out of stack; that is the file's fault, not a crash.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/**
 * Where a file that overflows yaml's parser goes wrong: the first error of the longest prefix
 * of whole lines that still parses (found by bisection), or the line after that prefix.
 */
function parserOverflowOffset(text: string): number {
  const lineEnds = [...lineStartsOf(text).lineStarts.slice(1), text.length];
  let low = 0;
  let high = lineEnds.length - 1;
  let best: Document.Parsed | undefined;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const prefix = parseYaml(text.slice(0, lineEnds[middle - 1]));
    if (prefix) {
      low = middle;
      best = prefix;
    } else high = middle - 1;
  }
  return best?.errors[0]?.pos[0] ?? (low > 0 ? lineEnds[low - 1]! : 0);
}

/**
 * Where the nesting first passes `maxDepth`, found in yaml's concrete syntax tree (which its
 * parser builds without recursion), walked without recursion too.
 */
function tooDeepOffset(text: string, maxDepth: number): number {
  const stack: Array<[CST.Token | null | undefined, number]> = [];
  const documents = [...new Parser().parse(text)].filter((token) => token.type === 'document');
  for (const document of documents.reverse()) stack.push([document.value, 1]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token || !('items' in token)) continue;
    if (depth > maxDepth) return token.offset;
    const items = token.items as Array<{ key?: CST.Token | null; value?: CST.Token }>;
    for (let index = items.length - 1; index >= 0; index--) {
      stack.push([items[index]!.value, depth + 1]);
      stack.push([items[index]!.key, depth + 1]);
    }
  }
  return 0;
}

/** yaml's messages, reworded where they speak of the library rather than the file. */
function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'The file holds more than one YAML document (a second "---").';
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
}
