import { isAlias, isMap, isPair, isScalar, type Node } from 'yaml';

/**
 * Names that would reach an object's prototype machinery when a map becomes a JavaScript
 * object (yaml drops or rewires `__proto__`): refused as column names, row keys and any key.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Characters that make two different texts look the same, or hide text: C0 and C1 controls
 * (tab, newline and carriage return included: no name needs them), zero-width characters,
 * bidirectional overrides and isolates, and the byte-order mark.
 */
const HAZARD = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** The first hazardous character of a text, as U+XXXX, or undefined. */
export function hazardIn(text: string): string | undefined {
  const match = HAZARD.exec(text);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

export interface KeyProblem {
  node: Node;
  rule: 'key-reserved' | 'text-hazard' | 'schema-type';
  message: string;
}

/**
 * The problems of one item's key: a reserved name, a hazardous character (with the code point
 * shown), or a key that is a map, a list, an alias or a tagged non-text scalar (!!binary) (it
 * would become the text of its YAML, and an alias would bring in a name these checks never
 * saw). Called for every item of every collection (see yaml-tree.ts).
 */
export function itemKeyProblems(item: unknown, problems: KeyProblem[]): void {
  if (!isPair(item)) return;
  const key = item.key;
  // A scalar can hold an object too: !!binary makes bytes, !!timestamp a date.
  const objectScalar = isScalar(key) && typeof key.value === 'object' && key.value !== null;
  if (key !== null && (!isScalar(key) || objectScalar)) {
    const what = isAlias(key)
      ? 'an alias'
      : isMap(key)
        ? 'a map'
        : isScalar(key)
          ? `tagged ${(key.tag ?? '').replace('tag:yaml.org,2002:', '!!')}`
          : 'a list';
    problems.push({
      node: key as Node,
      rule: 'schema-type',
      message: `A name must be written out as text; this one is ${what}.`,
    });
  }
  if (isScalar(key) && typeof key.value === 'string') {
    const name = key.value;
    if (RESERVED_NAMES.has(name))
      problems.push({ node: key, rule: 'key-reserved', message: `The name "${name}" is reserved.` });
    const hazard = hazardIn(name);
    if (hazard)
      problems.push({
        node: key,
        rule: 'text-hazard',
        message: `The name ${JSON.stringify(name)} holds the invisible or control character ${hazard}.`,
      });
  }
}

/** Hazardous characters in the `table` and `environment` values at the top level. */
export function rootValueProblems(root: Node, problems: KeyProblem[]): void {
  if (!isMap(root)) return;
  for (const field of ['table', 'environment']) {
    const value = root.get(field, true);
    if (isScalar(value) && typeof value.value === 'string') {
      const hazard = hazardIn(value.value);
      if (hazard)
        problems.push({
          node: value,
          rule: 'text-hazard',
          message: `"${field}" holds the invisible or control character ${hazard}.`,
        });
    }
  }
}
