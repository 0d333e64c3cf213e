import { type Node } from 'yaml';
/**
 * Names that would reach an object's prototype machinery when a map becomes a JavaScript
 * object (yaml drops or rewires `__proto__`): refused as column names, row keys and any key.
 */
export declare const RESERVED_NAMES: ReadonlySet<string>;
/** The first hazardous character of a text, as U+XXXX, or undefined. */
export declare function hazardIn(text: string): string | undefined;
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
export declare function itemKeyProblems(item: unknown, problems: KeyProblem[]): void;
/** Hazardous characters in the `table` and `environment` values at the top level. */
export declare function rootValueProblems(root: Node, problems: KeyProblem[]): void;
