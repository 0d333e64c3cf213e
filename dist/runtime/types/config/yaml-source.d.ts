import type { Document, LineCounter, Node } from 'yaml';
import { type Finding } from './findings.js';
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
export declare const DEFAULT_LOAD_OPTIONS: LoadOptions;
/** Where a node starts; the file's start for nodes without a range. */
export declare function positionOf(source: YamlSource, node: Node | null | undefined): SourcePosition;
/**
 * Reads and parses one config file. Refuses, with a finding at the exact place, what would make
 * the rest unreliable: unreadable, empty, huge, binary or non-UTF-8 files, YAML errors, several
 * documents, alias bombs and very deep nesting.
 */
export declare function parseYamlSource(file: string, bytes: Buffer, options?: LoadOptions): YamlSource | Finding[];
