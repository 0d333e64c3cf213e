import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { BackupError } from '../errors.js';
import type { DivisionRef, Row, TableSchema } from '../genesys/types.js';
import { bindingMismatches, type ExpectedBinding } from '../plan/plan-file.js';
import { signatureOf, UNCHECKED_SIGNATURE_WARNING, verifySignature } from '../plan/signing.js';
import type { Producer } from '../plan/types.js';
import { VERSION } from '../version.js';
import {
  checkManifestShape,
  checkTableFile,
  manifestBody,
  manifestChecksum,
  sha256Hex,
  TABLE_FILE,
  type Refuse,
} from './backup-checks.js';

/**
 * 2: the manifest is bound to its org, environment and deployment, names its producer and plan,
 * and carries its own checksum (and, with a signing key, a signature).
 */
export const BACKUP_FORMAT_VERSION = 2;

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
  /**
   * False for a table the deploy was to create. A restore deletes such a table only when the
   * deploy's journal shows that it created it (and with which id).
   */
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
  producer: Producer;
  createdAt: string;
  /** The org the tables were read from (the API host), as in the plan. */
  apiHost: string;
  environment?: string | undefined;
  deployment: string;
  gitSha?: string | undefined;
  planDigest: string;
  tables: ManifestTable[];
  /** `sha256:<hex>` of the canonical manifest without `checksum` and `signature`. */
  checksum: string;
  /** `hmac-sha256:<hex>` over the same, when written with a signing key. */
  signature?: string | undefined;
}

/** What the deploy tells the backup about itself; the rest of the manifest is derived. */
export type BackupBinding = Pick<
  BackupManifest,
  'createdAt' | 'apiHost' | 'environment' | 'deployment' | 'gitSha' | 'planDigest'
>;

export interface Backup {
  manifest: BackupManifest;
  /** The tables that existed, in manifest order. */
  tables: BackupTable[];
  /** Where it was read from, for messages. */
  location: string;
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

/**
 * Serialises a backup: one JSON file per table, and a manifest that lists each file's sha256,
 * carries its own checksum and, with a signing key, its signature.
 */
export function backupFiles(
  backup: { manifest: BackupBinding; tables: Array<BackupTable | { name: string; existed: false }> },
  signingKey?: string,
): BackupFiles {
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
      sha256: sha256Hex(bytes),
    };
  });
  const body = {
    formatVersion: BACKUP_FORMAT_VERSION,
    kind: 'datatable-deploy-backup' as const,
    producer: { name: 'datatable-deploy' as const, version: VERSION },
    ...backup.manifest,
    tables: entries,
  };
  const manifest: BackupManifest = {
    ...body,
    checksum: manifestChecksum(body),
    ...(signingKey === undefined ? {} : { signature: signatureOf('backup-manifest', body, signingKey) }),
  };
  files.set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

export interface ParseBackupOptions {
  /** With a key, the manifest must be signed with it (see plan/signing.ts). */
  signingKey?: string | undefined;
  /** Told when the manifest is signed and there is no key to check it with. */
  warn?: (message: string) => void;
}

/**
 * Reads a backup from its files, verifying everything: the manifest's format, checksum and (with
 * a key) signature, its binding fields, and every table file: present, with the checksum the
 * manifest lists, the table the manifest names, a key column, and the listed number of rows,
 * each with a distinct non-empty key. A backup that fails any check is refused whole, with a
 * {@link BackupError}. Whether it belongs to this org is {@link checkBackupBinding}'s question.
 */
export function parseBackup(files: BackupFiles, location: string, options: ParseBackupOptions = {}): Backup {
  const refuse: Refuse = (why) => {
    throw new BackupError(
      `The backup at ${location} cannot be used: ${why}.`,
      'Use another backup; this one is incomplete, was changed after it was written, or was written by another version.',
    );
  };
  const manifest = readManifest(files, refuse);
  const verdict = verifySignature(
    'backup-manifest',
    manifestBody(manifest),
    manifest.signature,
    options.signingKey,
  );
  if (!verdict.ok)
    throw new BackupError(`The backup at ${location} cannot be used: ${verdict.why}.`, verdict.hint);
  checkManifestShape(manifest, refuse);
  if (verdict.unchecked) options.warn?.(UNCHECKED_SIGNATURE_WARNING);
  const tables: BackupTable[] = [];
  for (const entry of manifest.tables) {
    if (!entry.existed) continue;
    const bytes =
      files.get(entry.file!) ?? refuse(`the file ${entry.file} of table ${entry.name} is missing`);
    tables.push(checkTableFile(bytes, entry, refuse));
  }
  return { manifest, tables, location };
}

/** The manifest, once it is known to be ours, of this format, and unchanged since written. */
function readManifest(files: BackupFiles, refuse: Refuse): BackupManifest {
  const bytes = files.get(MANIFEST) ?? refuse(`it has no ${MANIFEST}`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(bytes.toString('utf8')) as BackupManifest;
  } catch {
    return refuse(`${MANIFEST} is not valid JSON`);
  }
  if (
    manifest === null ||
    manifest.kind !== 'datatable-deploy-backup' ||
    manifest.formatVersion !== BACKUP_FORMAT_VERSION
  ) {
    return refuse(`${MANIFEST} is not a datatable-deploy backup manifest of format ${BACKUP_FORMAT_VERSION}`);
  }
  if (typeof manifest.checksum !== 'string') return refuse(`${MANIFEST} carries no checksum`);
  const checksum = manifestChecksum(manifest);
  if (checksum !== manifest.checksum)
    refuse(`${MANIFEST} does not match its checksum (recorded ${manifest.checksum}, computed ${checksum})`);
  return manifest;
}

/**
 * Refuses, with a {@link BackupError}, a backup made against another org, or for another
 * environment or deployment than the one given. The action calls it with its own inputs.
 */
export function checkBackupBinding(backup: Backup, expected: ExpectedBinding): void {
  const problems = bindingMismatches(backup.manifest, expected);
  if (problems.length === 0) return;
  throw new BackupError(
    `Refusing to restore the backup at ${backup.location}: ${problems.join('; ')}. Nothing was written.`,
    "Restore a backup made for this org, environment and deployment: check the connection settings (--api-url, --region), --environment and --deployment (or the action's inputs).",
  );
}

/** Backups as directories on the local disk. */
export class LocalBackupStore implements BackupStore {
  constructor(private readonly root: string) {}

  async save(name: string, files: BackupFiles): Promise<string> {
    // Backups hold live values, secrets included, and the default root is inside the working
    // tree: a .gitignore keeps "git add ." from committing them.
    await mkdir(this.root, { recursive: true });
    await writeFile(join(this.root, '.gitignore'), '# Backups of live tables: never commit them.\n*\n', {
      flag: 'wx',
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
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
    let listed: unknown;
    try {
      listed = (JSON.parse(manifest.toString('utf8')) as { tables?: unknown }).tables;
    } catch {
      return files; // parseBackup says what is wrong with it
    }
    for (const entry of Array.isArray(listed) ? (listed as unknown[]) : []) {
      const file = (entry as { file?: unknown } | null)?.file;
      // Only plain names under tables/ are read; parseBackup refuses a manifest naming others.
      if (typeof file !== 'string' || !TABLE_FILE.test(file)) continue;
      try {
        files.set(file, await readFile(join(location, file)));
      } catch {
        // A missing file is reported by parseBackup, with the table it belongs to.
      }
    }
    return files;
  }
}
