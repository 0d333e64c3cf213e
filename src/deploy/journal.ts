import { closeSync, fdatasyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Row } from '../genesys/types.js';

export type JournalOp =
  'create-table' | 'add-columns' | 'create' | 'update' | 'delete' | 'import' | 'delete-table';

/** One line of the journal. Each operation gets a `started` line, then `done` or `failed`. */
export interface JournalEntry {
  at: string;
  /** `deploy` or `restore`. */
  phase: string;
  table: string;
  op: JournalOp;
  key?: string | undefined;
  status: 'started' | 'done' | 'failed';
  before?: Row | null | undefined;
  after?: Row | null | undefined;
  rows?: number | undefined;
  attempts?: number | undefined;
  correlationId?: string | undefined;
  error?: string | undefined;
}

export interface Journal {
  append(entry: Omit<JournalEntry, 'at'>): void;
  close(): void;
}

/**
 * The journal as JSON lines in a file, each line flushed to disk before the call it announces
 * is made: after a crash the file says what was done and what was in flight.
 */
export class FileJournal implements Journal {
  private fd: number | undefined;

  /** The file is created with the first entry, so a deploy refused early leaves none. */
  constructor(readonly path: string) {}

  append(entry: Omit<JournalEntry, 'at'>): void {
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a');
    }
    writeSync(this.fd, `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
    fdatasyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A journal kept in memory (tests, and runs that keep no file). */
export class MemoryJournal implements Journal {
  readonly entries: JournalEntry[] = [];

  append(entry: Omit<JournalEntry, 'at'>): void {
    this.entries.push({ at: new Date().toISOString(), ...entry });
  }

  close(): void {}
}
