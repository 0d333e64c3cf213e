import { createHash } from 'node:crypto';
import { createAjv } from '../config/ajv.js';
import { sha256Of } from '../plan/canonical.js';
import type { BackupManifest, BackupTable, ManifestTable } from './backup.js';

/**
 * The checks that make a backup safe to restore. A restore writes to production with the
 * rights of the deploy, so a backup is read as untrusted input: every part must be consistent
 * with the manifest, and the manifest with its own checksum (and, with a key, its signature).
 */

/** Throws the caller's error; `why` completes "The backup at … cannot be used: …". */
export type Refuse = (why: string) => never;

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What the checksum and the signature cover: the manifest without either of them. */
export function manifestBody(manifest: Partial<BackupManifest>): Record<string, unknown> {
  const { checksum: _checksum, signature: _signature, ...body } = manifest;
  return body;
}

/** `sha256:<hex>` of the manifest's canonical form, checksum and signature left out. */
export function manifestChecksum(manifest: Partial<BackupManifest>): string {
  return sha256Of(manifestBody(manifest));
}

/** Where table files may be: plain names under tables/, so a manifest cannot point elsewhere. */
export const TABLE_FILE = /^tables\/[A-Za-z0-9_-][A-Za-z0-9._-]*\.json$/;

const existedEntry = {
  required: ['name', 'existed', 'id', 'rowCount', 'file', 'sha256'],
  properties: {
    existed: { const: true },
    id: { type: 'string', minLength: 1 },
    rowCount: { type: 'integer', minimum: 0 },
    file: { type: 'string', pattern: TABLE_FILE.source },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
};
const MANIFEST_SHAPE = {
  type: 'object',
  required: ['producer', 'createdAt', 'apiHost', 'deployment', 'planDigest', 'tables'],
  properties: {
    producer: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: { const: 'datatable-deploy' }, version: { type: 'string' } },
    },
    createdAt: { type: 'string' },
    apiHost: { type: 'string', minLength: 1 },
    environment: { type: 'string', minLength: 1 },
    deployment: { type: 'string', minLength: 1 },
    gitSha: { type: 'string' },
    planDigest: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    tables: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'existed'],
        properties: { name: { type: 'string', minLength: 1 }, existed: { type: 'boolean' } },
        if: { properties: { existed: { const: true } } },
        then: existedEntry,
        else: { not: { anyOf: [{ required: ['id'] }, { required: ['file'] }] } },
      },
    },
  },
};
let validateManifest: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** Refuses a manifest that does not have the shape of ours, or lists no table, or one twice. */
export function checkManifestShape(manifest: BackupManifest, refuse: Refuse): void {
  if (Array.isArray(manifest.tables) && manifest.tables.length === 0)
    refuse('its manifest lists no tables, so there is nothing it could restore');
  validateManifest ??= createAjv().compile(MANIFEST_SHAPE);
  if (!validateManifest(manifest)) {
    const [first] = validateManifest.errors ?? [];
    refuse(`its manifest${first?.instancePath ?? ''} ${first?.message ?? 'has the wrong shape'}`);
  }
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const entry of manifest.tables) {
    if (names.has(entry.name)) refuse(`its manifest lists table ${entry.name} twice`);
    if (entry.id !== undefined && ids.has(entry.id)) refuse(`its manifest lists table id ${entry.id} twice`);
    names.add(entry.name);
    if (entry.id !== undefined) ids.add(entry.id);
  }
}

/**
 * Parses one table file and refuses it unless it is the table the manifest entry names, with a
 * schema that has the key column and exactly the listed number of rows, each with a distinct,
 * non-empty string key and only scalar cells of the schema's columns.
 */
export function checkTableFile(bytes: Buffer, entry: ManifestTable, refuse: Refuse): BackupTable {
  const where = `${entry.file} (table ${entry.name})`;
  if (sha256Hex(bytes) !== entry.sha256) refuse(`the checksum of ${where} does not match the manifest`);
  let table: BackupTable;
  try {
    table = JSON.parse(bytes.toString('utf8')) as BackupTable;
  } catch {
    return refuse(`${entry.file} is not valid JSON`);
  }
  if (table === null || typeof table !== 'object') return refuse(`${where} does not hold a table`);
  if (table.id !== entry.id || table.name !== entry.name)
    refuse(
      `${entry.file} holds table ${JSON.stringify(table.name)} (id ${JSON.stringify(table.id)}), but the manifest lists ${entry.name} (id ${entry.id})`,
    );
  const columns = table.schema?.properties;
  if (columns === null || typeof columns !== 'object' || !('key' in columns))
    refuse(`the schema in ${where} has no key column`);
  if (!Array.isArray(table.rows) || table.rows.length !== entry.rowCount)
    refuse(`${where} does not hold the ${entry.rowCount} rows the manifest lists`);
  checkRows(table, where, refuse);
  return table;
}

function checkRows(table: BackupTable, where: string, refuse: Refuse): void {
  const columns = table.schema.properties;
  const keys = new Set<string>();
  table.rows.forEach((row: unknown, index) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      refuse(`row ${index + 1} of ${where} is not an object`);
    const record = row as Record<string, unknown>;
    // A row without a string key would be restored under a key like "undefined".
    if (typeof record.key !== 'string' || record.key === '')
      refuse(`row ${index + 1} of ${where} has no key (a non-empty string)`);
    const key = record.key as string;
    if (keys.has(key)) refuse(`${where} holds the row "${key}" twice`);
    keys.add(key);
    for (const [column, value] of Object.entries(record)) {
      if (!Object.hasOwn(columns, column))
        refuse(`row "${key}" of ${where} has a column "${column}" its schema does not have`);
      if (!['string', 'number', 'boolean'].includes(typeof value))
        refuse(`row "${key}" of ${where} has a value in "${column}" that is not a string, number or boolean`);
    }
  });
}
