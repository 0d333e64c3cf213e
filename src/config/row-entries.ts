import { isAlias, isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { RuleId } from './findings.js';
import type { RowContext } from './rows.js';
import type { SourcePosition } from './types.js';
import { resolveNode } from './values.js';
import { positionOf, type YamlSource } from './yaml-source.js';

export interface RowEntry {
  key: string | undefined;
  keyPosition: SourcePosition;
  /** The row's cells as YAML pairs (the key pair of the list form left out). */
  pairs: Pair[];
}

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const UNSAFE_KEY_CHARS = /[/?#%\\]/;

/** Records a finding about a row (the rule's own fix unless `hint` is given). */
export type Report = (
  rule: RuleId,
  position: SourcePosition,
  message: string,
  key?: string,
  field?: string,
  hint?: string,
) => void;

/** The rows with their keys, from either form. */
export function rowEntries(
  source: YamlSource,
  rowsNode: Node | undefined,
  keyTitle: string,
  report: Report,
): RowEntry[] {
  const entries: RowEntry[] = [];
  // With the default prune: true, a table read as empty deletes every live row: an empty table
  // must be said explicitly, never inferred from a null, a scalar or an alias.
  if (isAlias(rowsNode) || (!isMap(rowsNode) && !isSeq(rowsNode))) {
    const position = rowsNode ? positionOf(source, rowsNode) : { line: 1, column: 1 };
    const what = isAlias(rowsNode)
      ? 'an alias'
      : isScalar(rowsNode) && rowsNode.value !== null
        ? `the ${typeof rowsNode.value} ${JSON.stringify(rowsNode.value)}`
        : 'empty';
    report(
      'rows-invalid',
      position,
      `"rows" is ${what}; it must be a map of key → row or a list of rows written out here.`,
      undefined,
      'rows',
      'For a table that is meant to be empty, write "rows: {}" (with prune: true that deletes every live row).',
    );
    return entries;
  }
  if (isMap(rowsNode)) {
    for (const pair of rowsNode.items) {
      const keyNode = pair.key as Node;
      const position = positionOf(source, keyNode);
      // A plain key such as 007 or 1e3 is a number to YAML; the key is the text as written.
      const key = isScalar(keyNode)
        ? keyNode.type === 'PLAIN' && keyNode.source !== undefined
          ? keyNode.source
          : String(keyNode.value)
        : undefined;
      if (key === undefined) {
        report('key-missing', position, 'A row key must be a plain value, not a map or a list.');
        continue;
      }
      const value = pair.value === null ? null : resolveNode(source.doc, pair.value as Node);
      if (value !== null && !isMap(value) && !(isScalar(value) && value.value === null)) {
        report(
          'row-not-map',
          positionOf(source, value),
          `Row "${key}" must be a map of column → value.`,
          key,
        );
        continue;
      }
      entries.push({ key, keyPosition: position, pairs: isMap(value) ? (value.items as Pair[]) : [] });
    }
  } else if (isSeq(rowsNode)) {
    for (const item of rowsNode.items) {
      const row = resolveNode(source.doc, item as Node);
      const position = positionOf(source, row);
      if (!isMap(row)) {
        report('row-not-map', position, 'Each row in the list must be a map of column → value.');
        continue;
      }
      const pairs = row.items as Pair[];
      const keyPairs = pairs.filter(
        (pair) => isScalar(pair.key) && (pair.key.value === 'key' || pair.key.value === keyTitle),
      );
      if (keyPairs.length === 0) {
        report(
          'key-missing',
          position,
          `The row has no key: give it "key:"${keyTitle !== 'key' ? ` or "${keyTitle}:"` : ''}.`,
        );
        continue;
      }
      if (keyPairs.length > 1) {
        report(
          'key-duplicate',
          positionOf(source, keyPairs[1]!.key as Node),
          `The row gives its key twice, under "key" and under "${keyTitle}".`,
        );
        continue;
      }
      const keyValue = keyPairs[0]!.value as Node | null;
      const key =
        isScalar(keyValue) && keyValue.value !== null
          ? keyValue.type === 'PLAIN' && keyValue.source !== undefined
            ? keyValue.source
            : String(keyValue.value)
          : undefined;
      if (key === undefined) {
        report(
          'key-missing',
          positionOf(source, keyValue ?? (keyPairs[0]!.key as Node)),
          "The row's key must be a plain value.",
        );
        continue;
      }
      entries.push({
        key,
        keyPosition: positionOf(source, keyValue),
        pairs: pairs.filter((pair) => pair !== keyPairs[0]),
      });
    }
  }
  return entries;
}

export function checkKey(
  key: string,
  position: SourcePosition,
  seen: Map<string, SourcePosition>,
  context: RowContext,
  report: Report,
): boolean {
  if (key === '') {
    report('key-empty', position, 'The row key is empty.');
    return false;
  }
  const printable = JSON.stringify(key);
  if (CONTROL_CHARS.test(key)) {
    report('key-control-chars', position, `The row key ${printable} contains control characters.`, key);
    return false;
  }
  if (UNSAFE_KEY_CHARS.test(key)) {
    report(
      'key-unsafe-chars',
      position,
      `The row key ${printable} contains / ? # % or \\, which are unsafe in row URLs.`,
      key,
    );
    return false;
  }
  // Counted in code points, which never outnumber UTF-16 units: most keys need no count.
  if (key.length > context.limits.maxKeyLength && [...key].length > context.limits.maxKeyLength) {
    report(
      'key-too-long',
      position,
      `The row key is ${[...key].length} characters long; at most ${context.limits.maxKeyLength} are allowed.`,
      key,
    );
    return false;
  }
  const first = seen.get(key);
  if (first) {
    report('key-duplicate', position, `The key "${key}" is used twice (first at line ${first.line}).`, key);
    return false;
  }
  seen.set(key, position);
  return true;
}
