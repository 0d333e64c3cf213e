import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { AuditEvent } from './types.js';

/** Where audit lines go: a function, or anything with `write` (a file stream, process.stdout). */
export type AuditSink = ((line: string) => void) | { write(line: string): unknown };

export type AuditDetails = Omit<AuditEvent, 'at' | 'clientId' | 'environment'>;

/** Writes one JSON line per event; a failing sink is counted and logged once, never thrown. */
export class AuditLog {
  failures = 0;

  constructor(
    private readonly sink: AuditSink | undefined,
    private readonly identity: { clientId: string; environment: string },
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  get enabled(): boolean {
    return this.sink !== undefined;
  }

  write(details: AuditDetails): void {
    if (this.sink === undefined) return;
    const event: AuditEvent = {
      at: new Date(this.clock.now()).toISOString(),
      ...details,
      clientId: this.identity.clientId,
      environment: this.identity.environment,
    };
    const line = `${JSON.stringify(event)}\n`;
    try {
      if (typeof this.sink === 'function') this.sink(line);
      else this.sink.write(line);
    } catch (error) {
      if (this.failures++ === 0) this.logger.warn(`The audit sink failed: ${(error as Error).message}`);
    }
  }
}
