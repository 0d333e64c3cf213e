import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AuditEvent } from './types.js';
/** Where audit lines go: a function, or anything with `write` (a file stream, process.stdout). */
export type AuditSink = ((line: string) => void) | {
    write(line: string): unknown;
};
export type AuditDetails = Omit<AuditEvent, 'at' | 'clientId' | 'environment'>;
/** Writes one JSON line per event; a failing sink is counted and logged once, never thrown. */
export declare class AuditLog {
    private readonly sink;
    private readonly identity;
    private readonly clock;
    private readonly logger;
    failures: number;
    constructor(sink: AuditSink | undefined, identity: {
        clientId: string;
        environment: string;
    }, clock: Clock, logger: Logger);
    get enabled(): boolean;
    write(details: AuditDetails): void;
}
