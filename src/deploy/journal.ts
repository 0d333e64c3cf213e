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
  /** The table's id: on `create-table` done lines (the id the service gave it) and `delete-table`. */
  tableId?: string | undefined;
  attempts?: number | undefined;
  correlationId?: string | undefined;
  error?: string | undefined;
}

export interface Journal {
  append(entry: Omit<JournalEntry, 'at'>): void;
  close(): void;
}

/** Tables a deploy created, by name → id. */
export type CreatedTables = ReadonlyMap<string, string>;

/** The journal's file name in a backup directory (the CLI writes it there). */
export const JOURNAL_FILE = 'journal.jsonl';

/**
 * The tables a deploy's journal shows it created: `create-table` lines of the deploy phase that
 * are done and record an id. This is the evidence a restore needs to delete a table.
 */
export function createdTablesOf(entries: readonly JournalEntry[]): Map<string, string> {
  const created = new Map<string, string>();
  for (const entry of entries)
    if (
      entry.phase === 'deploy' &&
      entry.op === 'create-table' &&
      entry.status === 'done' &&
      typeof entry.tableId === 'string'
    )
      created.set(entry.table, entry.tableId);
  return created;
}

/**
 * Journal lines from a journal file's text. A last line cut short by a crash is skipped; so is
 * any other line that is not an entry (the journal is evidence, not something to fail on).
 */
export function parseJournal(text: string): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (entry !== null && typeof entry === 'object' && typeof entry.table === 'string') entries.push(entry);
    } catch {
      // A torn write; the lines before it still count.
    }
  }
  return entries;
}

/**
 * A journal that passes every entry on and keeps the tables created in it, so that a rollback
 * knows what its own deploy created even when the apply failed half-way, and the rows it
 * started to write, which the restore writes back whatever a (possibly lagging) read shows.
 */
export class CreatedTablesRecorder implements Journal {
  readonly created = new Map<string, string>();
  /** Row keys the deploy started writing, by table; tables it started an import job on. */
  readonly touched = new Map<string, Set<string>>();
  readonly imported = new Set<string>();

  constructor(private readonly inner: Journal) {}

  append(entry: Omit<JournalEntry, 'at'>): void {
    this.inner.append(entry);
    for (const [name, id] of createdTablesOf([{ at: '', ...entry }])) this.created.set(name, id);
    if (entry.phase !== 'deploy' || entry.status !== 'started') return;
    if (entry.op === 'import') this.imported.add(entry.table);
    if (entry.key !== undefined) {
      const keys = this.touched.get(entry.table) ?? new Set<string>();
      keys.add(entry.key);
      this.touched.set(entry.table, keys);
    }
  }

  close(): void {
    this.inner.close();
  }
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
