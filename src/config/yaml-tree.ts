import { isAlias, isCollection, isMap, isPair, isScalar, type Node } from 'yaml';
import { itemKeyProblems, rootValueProblems, type KeyProblem } from './text-hazards.js';

/**
 * YAML 1.1 collection tags that yaml still resolves: they become a JavaScript Set or Map, which
 * the JSON Schema check would take for an empty map (`columns: !!set {a}` would mean no columns).
 */
const SET_LIKE_TAGS: ReadonlySet<string> = new Set(
  ['set', 'omap', 'pairs'].map((name) => `tag:yaml.org,2002:${name}`),
);

export interface TreeInspection {
  /** The first collection deeper than the limit; when set, the rest was not inspected. */
  tooDeep?: Node;
  /** Map keys and the top-level `table` and `environment` values that are not plain names. */
  keyProblems: KeyProblem[];
  /** Keys that repeat within a map (compared as YAML does: 1 and "1" differ). */
  duplicateKeys: Node[];
  /** Collections tagged as sets or ordered maps. */
  setLike: Node[];
}

/**
 * One iterative walk (no recursion limit) over every collection of the document, each sorted
 * by position.
 */
export function inspectTree(root: Node, maxDepth: number): TreeInspection {
  const inspection: TreeInspection = { keyProblems: [], duplicateKeys: [], setLike: [] };
  const stack: Array<[Node, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > maxDepth) return { ...inspection, tooDeep: node };
    if (node.tag !== undefined && SET_LIKE_TAGS.has(node.tag)) inspection.setLike.push(node);
    const seen = isMap(node) ? new Set<string>() : undefined;
    for (const item of node.items) {
      itemKeyProblems(item, inspection.keyProblems);
      if (seen && isPair(item) && isScalar(item.key)) {
        // Texts equal after Unicode normalisation (NFC) are the same name to a reader.
        const identity = `${typeof item.key.value}:${String(item.key.value).normalize('NFC')}`;
        if (seen.has(identity)) inspection.duplicateKeys.push(item.key);
        seen.add(identity);
      }
      const value = isPair(item) ? item.value : item;
      if (value && isCollection(value)) stack.push([value as Node, depth + 1]);
    }
  }
  rootValueProblems(root, inspection.keyProblems);
  const byOffset = (a: { range?: unknown }, b: { range?: unknown }) => offsetOf(a) - offsetOf(b);
  inspection.keyProblems.sort((a, b) => byOffset(a.node, b.node));
  inspection.duplicateKeys.sort(byOffset);
  inspection.setLike.sort(byOffset);
  return inspection;
}

function offsetOf(node: { range?: unknown }): number {
  return (node.range as [number] | null | undefined)?.[0] ?? 0;
}

/** The first alias in document order, where an alias limit was passed. */
export function firstAlias(root: Node): Node | undefined {
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
