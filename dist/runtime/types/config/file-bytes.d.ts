import { type Finding } from './findings.js';
/**
 * A config file's bytes as text, or the finding that refuses them at the exact place: files
 * larger than `maxFileBytes`, binary files (a NUL byte) and files that are not UTF-8. A
 * leading byte-order mark is dropped.
 */
export declare function decodeConfigBytes(file: string, bytes: Buffer, maxFileBytes: number): string | Finding;
