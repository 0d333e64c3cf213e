import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BackupError } from '../errors.js';
import type { DivisionRef, Row, TableSchema } from '../genesys/types.js';

export const BACKUP_FORMAT_VERSION = 1;

/** One table as it was before a deploy. */
export interface BackupTable {
  id: string;
  name: string;
  description?: string | undefined;
  division?: DivisionRef | undefined;
  schema: TableSchema;
  rows: Row[];
}

export interface ManifestTable {
  name: string;
  /** False for a table the deploy creates: restoring means deleting it again. */
  existed: boolean;
  id?: string | undefined;
  rowCount?: number;
  file?: string;
  /** sha256 (hex) of the table file's bytes. */
  sha256?: string;
}

export interface BackupManifest {
  formatVersion: number;
  kind: 'datatable-deploy-backup';
  createdAt: string;
  environment?: string | undefined;
  apiHost?: string | undefined;
  gitSha?: string | undefined;
  planDigest?: string | undefined;
  tables: ManifestTable[];
}

export interface Backup {
  manifest: BackupManifest;
  /** The tables that existed, in manifest order. */
  tables: BackupTable[];
}

/** Where backups are kept: a local directory now, a workflow artifact in the action. */
export interface BackupStore {
  /** Stores a backup and returns where it is (a path, an artifact id). */
  save(name: string, files: BackupFiles): Promise<string>;
  /** Reads the files of a stored backup back. */
  load(location: string): Promise<BackupFiles>;
}

/** A backup as named files (manifest.json and tables/*.json), the form every store keeps. */
export type BackupFiles = Map<string, Buffer>;

export const MANIFEST = 'manifest.json';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Serialises a backup: one JSON file per table and a manifest with each file's checksum. */
export function backupFiles(backup: {
  manifest: Omit<BackupManifest, 'tables' | 'formatVersion' | 'kind'>;
  tables: Array<BackupTable | { name: string; existed: false }>;
}): BackupFiles {
  const files: BackupFiles = new Map();
  const entries: ManifestTable[] = backup.tables.map((table, index) => {
    if ('existed' in table) return { name: table.name, existed: false };
    const file = `tables/${String(index).padStart(3, '0')}-${table.name.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
    const bytes = Buffer.from(`${JSON.stringify(table)}\n`);
    files.set(file, bytes);
    return {
      name: table.name,
      existed: true,
      id: table.id,
      rowCount: table.rows.length,
      file,
      sha256: sha256(bytes),
    };
  });
  const manifest: BackupManifest = {
    formatVersion: BACKUP_FORMAT_VERSION,
    kind: 'datatable-deploy-backup',
    ...backup.manifest,
    tables: entries,
  };
  files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

/**
 * Reads a backup from its files, verifying everything: the manifest's format, every table
 * file's presence and checksum, and each table's row count. A backup that was changed or cut
 * short after it was written is refused, whole.
 */
export function parseBackup(files: BackupFiles, location: string): Backup {
  const refuse = (why: string): never => {
    throw new BackupError(
      `The backup at ${location} cannot be used: ${why}.`,
      'Use another backup; this one is incomplete or was changed after it was written.',
    );
  };
  const manifestBytes = files.get(MANIFEST) ?? refuse(`it has no ${MANIFEST}`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as BackupManifest;
  } catch {
    return refuse(`${MANIFEST} is not valid JSON`);
  }
  if (
    manifest.kind !== 'datatable-deploy-backup' ||
    manifest.formatVersion !== BACKUP_FORMAT_VERSION ||
    !Array.isArray(manifest.tables)
  ) {
    return refuse(`${MANIFEST} is not a datatable-deploy backup manifest of format ${BACKUP_FORMAT_VERSION}`);
  }
  const tables: BackupTable[] = [];
  for (const entry of manifest.tables) {
    if (!entry.existed) continue;
    const bytes =
      files.get(entry.file ?? '') ?? refuse(`the file ${entry.file} of table ${entry.name} is missing`);
    if (sha256(bytes) !== entry.sha256)
      refuse(`the checksum of ${entry.file} (table ${entry.name}) does not match the manifest`);
    let table: BackupTable;
    try {
      table = JSON.parse(bytes.toString('utf8')) as BackupTable;
    } catch {
      return refuse(`${entry.file} is not valid JSON`);
    }
    if (!table.schema || !Array.isArray(table.rows) || table.rows.length !== entry.rowCount) {
      refuse(`${entry.file} does not hold the ${entry.rowCount} rows the manifest lists`);
    }
    tables.push(table);
  }
  return { manifest, tables };
}

/** Backups as directories on the local disk. */
export class LocalBackupStore implements BackupStore {
  constructor(private readonly root: string) {}

  async save(name: string, files: BackupFiles): Promise<string> {
    const directory = resolve(this.root, name);
    await mkdir(join(directory, 'tables'), { recursive: true });
    // Tables first, the manifest last: a backup cut short has no manifest and is refused.
    for (const [file, bytes] of files)
      if (file !== MANIFEST) await writeFile(join(directory, file), bytes, { flush: true });
    await writeFile(join(directory, MANIFEST), files.get(MANIFEST)!, { flush: true });
    return directory;
  }

  async load(location: string): Promise<BackupFiles> {
    const files: BackupFiles = new Map();
    let manifest: Buffer;
    try {
      manifest = await readFile(join(location, MANIFEST));
    } catch (error) {
      throw new BackupError(
        `There is no backup at ${location} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`,
        'Give the directory that holds manifest.json.',
      );
    }
    files.set(MANIFEST, manifest);
    let listed: Array<{ file?: string }> = [];
    try {
      listed = (JSON.parse(manifest.toString('utf8')) as { tables?: Array<{ file?: string }> }).tables ?? [];
    } catch {
      return files; // parseBackup says what is wrong with it
    }
    for (const { file } of listed) {
      if (!file || file.includes('..')) continue;
      try {
        files.set(file, await readFile(join(location, file)));
      } catch {
        // A missing file is reported by parseBackup, with the table it belongs to.
      }
    }
    return files;
  }
}
