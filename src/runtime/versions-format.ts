import { tableSchema } from '../genesys/schema.js';
import type { Row, TableSchema } from '../genesys/types.js';
import type { VersionRecord } from './types.js';

/**
 * The versions table: one row per deployed table, written by the deploy as that table's commit
 * marker once its rows are applied and verified. Data tables have no ETag and no row version;
 * this table is the change token the runtime reader polls (one call tells which tables changed).
 */
export const DEFAULT_VERSIONS_TABLE = 'datatable_deploy_versions';

/** Its columns. The key is the deployed table's name. */
export const VERSIONS_SCHEMA: TableSchema = tableSchema({
  version: { type: 'integer', displayOrder: 1 },
  content_hash: { type: 'string', displayOrder: 2 },
  deployed_at: { type: 'string', displayOrder: 3 },
  git_sha: { type: 'string', displayOrder: 4 },
  deploy_id: { type: 'string', displayOrder: 5 },
});

export const VERSIONS_DESCRIPTION =
  'Written by datatable-deploy: one row per deployed table (its version and content hash). Do not edit.';

/** The versions row of a record. */
export function versionRow(record: VersionRecord): Row {
  return {
    key: record.table,
    version: record.version,
    content_hash: record.hash,
    deployed_at: record.deployedAt,
    git_sha: record.sha ?? '',
    deploy_id: record.deployId,
  };
}

/**
 * The record of a versions row; undefined for a row that is not one (a hand-made row without
 * a version or hash): such a row tells a reader nothing, so it counts as absent.
 */
export function versionRecord(row: Row): VersionRecord | undefined {
  const version = row.version;
  const hash = row.content_hash;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return undefined;
  if (typeof hash !== 'string' || !hash.startsWith('sha256:')) return undefined;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    table: String(row.key),
    version,
    hash,
    deployedAt: text(row.deployed_at),
    sha: text(row.git_sha) || undefined,
    deployId: text(row.deploy_id),
  };
}

/** The columns of the versions table that a live table lacks or types differently. */
export function versionsSchemaProblems(schema: TableSchema): string[] {
  return Object.entries(VERSIONS_SCHEMA.properties)
    .filter(([name, column]) => schema.properties[name]?.type !== column.type)
    .map(([name, column]) =>
      schema.properties[name]
        ? `"${name}" is ${schema.properties[name].type}, not ${column.type}`
        : `"${name}" (${column.type}) is missing`,
    );
}
