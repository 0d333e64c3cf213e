import { type Hash } from 'node:crypto';
/**
 * Canonical JSON: object keys sorted at every level, no whitespace, `undefined` members left
 * out as JSON.stringify does. The same value always gives the same text, whatever order its
 * keys were built in, so hashes of it are stable. Plans, backups and signatures already written
 * depend on this exact text (test/unit/digest-pins.test.ts pins it).
 */
export declare function canonicalJson(value: unknown): string;
/** `sha256:<hex>` of the canonical JSON of a value, hashed as it is produced (no big string). */
export declare function sha256Of(value: unknown): string;
/** Something canonical text is written to, a fragment at a time. */
export interface Sink {
    push(text: string): void;
}
/** Batches small strings into ~64 KiB updates: one native call per fragment would dominate. */
export declare class HashSink implements Sink {
    private readonly hash;
    private buffer;
    constructor(hash: Hash);
    push(text: string): void;
    digest(): string;
}
export declare function write(value: unknown, sink: Sink): void;
