import { type Node } from 'yaml';
import { type KeyProblem } from './text-hazards.js';
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
export declare function inspectTree(root: Node, maxDepth: number): TreeInspection;
/** The first alias in document order, where an alias limit was passed. */
export declare function firstAlias(root: Node): Node | undefined;
