import type { Document, LineCounter, Node } from 'yaml';
import { decodeConfigBytes } from './file-bytes.js';
import { finding, type Finding } from './findings.js';
import type { SourcePosition } from './types.js';
import { lineStartsOf, parseConfigYaml } from './yaml-parse.js';
import { firstAlias, inspectTree } from './yaml-tree.js';

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
  return positionAt(source.lineCounter, node?.range?.[0] ?? 0);
}

/**
 * Line and column of an offset: a binary search over the line starts (as yaml's LineCounter
 * does, without the intermediate object: a large file asks this once per cell).
 */
function positionAt(lines: LineCounter, offset: number): SourcePosition {
  const starts = lines.lineStarts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  if (starts[low] === offset) return { line: low + 1, column: 1 };
  if (low === 0) return { line: 0, column: offset };
  return { line: low, column: offset - starts[low - 1]! + 1 };
}

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
  const text = decodeConfigBytes(file, bytes, options.maxFileBytes);
  if (typeof text !== 'string') return [text];
  const lineCounter = lineStartsOf(text);
  const doc = parseConfigYaml(file, text, (offset) => positionAt(lineCounter, offset), options.maxDepth);
  if (Array.isArray(doc)) return doc;
  if (doc.contents === null)
    return [
      finding(
        'file-empty',
        file,
        { line: 1, column: 1 },
        'The file has no content (only comments or whitespace).',
      ),
    ];
  const source: YamlSource = { file, doc, lineCounter, value: undefined };
  const refused = treeFindings(source, doc.contents, options.maxDepth);
  if (refused.length > 0) return refused;
  try {
    source.value = doc.toJS({ maxAliasCount: options.maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return [
      finding(
        'yaml-alias-limit',
        file,
        positionOf(source, firstAlias(doc.contents)),
        `Aliases expand more than ${options.maxAliasCount} times (${error.message}).`,
      ),
    ];
  }
  return source;
}

/**
 * What the document's shape makes unreliable, the first kind found in this order: nesting too
 * deep, names that are not plain text, sets and ordered maps, names that repeat in a map.
 */
function treeFindings(source: YamlSource, root: Node, maxDepth: number): Finding[] {
  const tree = inspectTree(root, maxDepth);
  const at = (node: Node) => positionOf(source, node);
  if (tree.tooDeep)
    return [
      finding(
        'yaml-too-deep',
        source.file,
        at(tree.tooDeep),
        `The value is nested more than ${maxDepth} levels deep.`,
      ),
    ];
  if (tree.keyProblems.length > 0)
    return tree.keyProblems.map((problem) =>
      finding(problem.rule, source.file, at(problem.node), problem.message),
    );
  if (tree.setLike.length > 0)
    return tree.setLike.map((node) =>
      finding(
        'schema-type',
        source.file,
        at(node),
        `The tag ${node.tag!.replace('tag:yaml.org,2002:', '!!')} makes a set or an ordered map, which a config file cannot hold; write a map or a list.`,
      ),
    );
  return tree.duplicateKeys.map((key) =>
    finding(
      'yaml-duplicate-key',
      source.file,
      at(key),
      `The name "${String((key as { value?: unknown }).value)}" appears twice in the same map.`,
    ),
  );
}
