import { LineCounter, type Document } from 'yaml';
import { type Finding } from './findings.js';
import type { SourcePosition } from './types.js';
/**
 * Parses the text into one YAML 1.2 document, or refuses it with findings at the exact places:
 * YAML errors, several documents, nesting too deep for the parser, a parser that breaks on the
 * text, and a %YAML directive for another version.
 */
export declare function parseConfigYaml(file: string, text: string, at: (offset: number) => SourcePosition, maxDepth: number): Document.Parsed | Finding[];
/**
 * Where each line starts, from the text itself. yaml's own LineCounter misses the line breaks
 * its lexer swallows into a broken token (a stray "}" at the start of a line), which would put
 * every later error lines too early and columns past the end of the line.
 */
export declare function lineStartsOf(text: string): LineCounter;
