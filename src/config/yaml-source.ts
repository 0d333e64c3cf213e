import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  Parser,
  parseDocument,
  type CST,
  type Document,
  type Node,
} from 'yaml';
import { keyProblems } from './text-hazards.js';
import { finding, type Finding, type RuleId } from './findings.js';
import type { SourcePosition } from './types.js';

/** A parsed config file with the means to say where any node came from. */
export interface YamlSource {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data (aliases expanded within the limit). */
  value: unknown;
}

export interface LoadOptions {
  /** Files larger than this are refused before parsing. */
  maxFileBytes: number;
  /** Anchors and aliases may expand at most this many times (alias-bomb guard). */
  maxAliasCount: number;
  /** Deepest nesting of maps and lists allowed. */
  maxDepth: number;
}

export const DEFAULT_LOAD_OPTIONS: LoadOptions = {
  maxFileBytes: 5 * 1024 * 1024,
  maxAliasCount: 100,
  maxDepth: 32,
};

/** Where a node starts; the file's start for nodes without a range. */
export function positionOf(source: YamlSource, node: Node | null | undefined): SourcePosition {
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}

/** yaml's error codes that have a rule of their own; everything else is `yaml-syntax`. */
const YAML_CODES: Record<string, RuleId> = {
  TAB_AS_INDENT: 'yaml-tab-indent',
  MULTIPLE_DOCS: 'yaml-multiple-documents',
};

/**
 * Reads and parses one config file. Refuses, with a finding at the exact place, what would make
 * the rest unreliable: unreadable, empty, huge, binary or non-UTF-8 files, YAML errors, several
 * documents, alias bombs and very deep nesting.
 */
export function parseYamlSource(
  file: string,
  bytes: Buffer,
  options: LoadOptions = DEFAULT_LOAD_OPTIONS,
): YamlSource | Finding[] {
  const start = { line: 1, column: 1 };
  if (bytes.length > options.maxFileBytes) {
    return [
      finding(
        'file-too-large',
        file,
        start,
        `The file is ${bytes.length} bytes; at most ${options.maxFileBytes} are read.`,
      ),
    ];
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return [
      finding(
        'file-binary',
        file,
        positionInBytes(bytes, nul),
        'The file contains a NUL byte: it is not a text file.',
      ),
    ];
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return [
      finding(
        'file-encoding',
        file,
        positionInBytes(bytes, offset),
        `The file is not valid UTF-8 (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')}).`,
      ),
    ];
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = lineStartsOf(text);
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const doc = parseYaml(text);
  if (doc === undefined) {
    const offset = parserOverflowOffset(text);
    return [
      finding(
        'yaml-syntax',
        file,
        at(offset),
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
        at(tooDeepOffset(text, options.maxDepth)),
        `The value is nested too deeply to read (at most ${options.maxDepth} levels are allowed).`,
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
  if (doc.contents === null)
    return [finding('file-empty', file, start, 'The file has no content (only comments or whitespace).')];
  const source: YamlSource = { file, doc, lineCounter, value: undefined };
  const tree = inspectTree(doc.contents, options.maxDepth);
  if (tree.tooDeep) {
    return [
      finding(
        'yaml-too-deep',
        file,
        positionOf(source, tree.tooDeep),
        `The value is nested more than ${options.maxDepth} levels deep.`,
      ),
    ];
  }
  const hazards = keyProblems(doc.contents);
  if (hazards.length > 0)
    return hazards.map((problem) =>
      finding(problem.rule, file, positionOf(source, problem.node), problem.message),
    );
  if (tree.setLike.length > 0) {
    return tree.setLike.map((node) =>
      finding(
        'schema-type',
        file,
        positionOf(source, node),
        `The tag ${node.tag!.replace('tag:yaml.org,2002:', '!!')} makes a set or an ordered map, which a config file cannot hold; write a map or a list.`,
      ),
    );
  }
  if (tree.duplicateKeys.length > 0) {
    return tree.duplicateKeys.map((key) =>
      finding(
        'yaml-duplicate-key',
        file,
        positionOf(source, key),
        `The name "${String((key as { value?: unknown }).value)}" appears twice in the same map.`,
      ),
    );
  }
  try {
    source.value = doc.toJS({ maxAliasCount: options.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError) {
      const alias = firstAlias(doc.contents);
      return [
        finding(
          'yaml-alias-limit',
          file,
          positionOf(source, alias),
          `Aliases expand more than ${options.maxAliasCount} times (${error.message}).`,
        ),
      ];
    }
    throw error;
  }
  return source;
}

/**
 * Where each line starts, from the text itself. yaml's own LineCounter misses the line breaks
 * its lexer swallows into a broken token (a stray "}" at the start of a line), which would put
 * every later error lines too early and columns past the end of the line.
 */
function lineStartsOf(text: string): LineCounter {
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

/**
 * YAML 1.1 collection tags that yaml still resolves: they become a JavaScript Set or Map, which
 * the JSON Schema check would take for an empty map (`columns: !!set {a}` would mean no columns).
 */
const SET_LIKE_TAGS: ReadonlySet<string> = new Set(
  ['set', 'omap', 'pairs'].map((name) => `tag:yaml.org,2002:${name}`),
);

/**
 * One iterative walk (no recursion limit) over every collection: the first node deeper than
 * `maxDepth`, keys that repeat within a map (compared as YAML does: 1 and "1" differ), and
 * collections tagged as sets or ordered maps.
 */
function inspectTree(
  root: Node,
  maxDepth: number,
): { tooDeep?: Node; duplicateKeys: Node[]; setLike: Node[] } {
  const duplicateKeys: Node[] = [];
  const setLike: Node[] = [];
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return { tooDeep: node, duplicateKeys, setLike };
    if (node.tag !== undefined && SET_LIKE_TAGS.has(node.tag)) setLike.push(node);
    const seen = isMap(node) ? new Set<string>() : undefined;
    for (const item of node.items) {
      if (seen && isPair(item) && isScalar(item.key)) {
        // Texts equal after Unicode normalisation (NFC) are the same name to a reader.
        const identity = `${typeof item.key.value}:${String(item.key.value).normalize('NFC')}`;
        if (seen.has(identity)) duplicateKeys.push(item.key);
        seen.add(identity);
      }
      const value = isPair(item) ? item.value : item;
      if (value && isCollection(value)) stack.push([value as Node, depth + 1]);
    }
  }
  const byOffset = (a: Node, b: Node) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0);
  return { duplicateKeys: duplicateKeys.sort(byOffset), setLike: setLike.sort(byOffset) };
}

function firstAlias(root: Node): Node | undefined {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isAlias(node)) return node;
    if (isCollection(node)) {
      for (const item of [...node.items].reverse()) {
        const value = isPair(item) ? item.value : item;
        if (value) stack.push(value as Node);
      }
    }
  }
  return undefined;
}

/** Line and column (in characters) of a byte offset, counting only the bytes before it. */
function positionInBytes(bytes: Buffer, offset: number): SourcePosition {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/**
 * Offset of the first byte that breaks UTF-8, by the well-formed sequences of the Unicode
 * standard (table 3-7): overlong forms, UTF-16 surrogates (ED A0..BF) and code points above
 * U+10FFFF are ill-formed too, as the decoder that refused the file says.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const [length, secondLow, secondHigh] = utf8Lead(byte);
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const low = next === 1 ? secondLow : 0x80;
      const high = next === 1 ? secondHigh : 0xbf;
      const continuation = bytes[index + next];
      if (continuation === undefined || continuation < low || continuation > high) return index;
    }
    index += length;
  }
  // Unreachable for bytes the decoder refused; the last byte is the best guess.
  return Math.max(0, bytes.length - 1);
}

/** The length of the sequence a lead byte starts (0: not a lead byte) and its second byte's range. */
function utf8Lead(byte: number): [length: number, secondLow: number, secondHigh: number] {
  if (byte < 0x80) return [1, 0, 0];
  if (byte >= 0xc2 && byte <= 0xdf) return [2, 0x80, 0xbf];
  if (byte === 0xe0) return [3, 0xa0, 0xbf];
  if (byte === 0xed) return [3, 0x80, 0x9f];
  if (byte >= 0xe1 && byte <= 0xef) return [3, 0x80, 0xbf];
  if (byte === 0xf0) return [4, 0x90, 0xbf];
  if (byte >= 0xf1 && byte <= 0xf3) return [4, 0x80, 0xbf];
  if (byte === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
