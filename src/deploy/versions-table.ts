import { ConfigurationError } from '../errors.js';
import type { Row } from '../genesys/types.js';
import { DEFAULT_LIMITS } from '../config/types.js';
import { compareKeys, readTables, type LiveTable } from '../plan/snapshot.js';
import type { Plan, TablePlan, TablePlanDraft } from '../plan/types.js';
import { snapshotHash } from '../runtime/content-hash.js';
import {
  DEFAULT_VERSIONS_TABLE,
  VERSIONS_DESCRIPTION,
  VERSIONS_SCHEMA,
  versionRecord,
  versionRow,
  versionsSchemaProblems,
} from '../runtime/versions-format.js';
import { applyTables, type ApplyContext } from './apply.js';

/**
 * The deploy's side of the versions table (format in runtime/versions-format.ts): after a
 * table's rows are applied and verified, its row there is written as the commit marker that
 * runtime readers poll. Writes go through {@link applyTables}, so they share the rate budget,
 * retries, journal and lost-answer handling of every other write.
 *
 * Rollback design: a rollback does not put the previous versions rows back. It writes new ones,
 * one version above the failed deploy's, whose hashes are computed over the tables as read after
 * the restore was proven. Two reasons: readers accept only versions newer than what they hold,
 * so a reader that already switched to the failed deploy's version would ignore the old row; and
 * the previous row need not describe the restored rows (hand edits since the previous deploy are
 * restored too). Since the rows' managed version columns go back to their old numbers, the next
 * deploy's version is taken above the versions table's highest too (see {@link highestMarked}).
 */

/**
 * The versions table's name as given by a setting (`label` names it in the message), trimmed;
 * undefined when empty (the versions table is opt-in).
 */
export function versionsTableName(value: string | undefined, label: string): string | undefined {
  const name = value?.trim();
  if (!name) return undefined;
  // The service's name filter treats `*` as a wildcard: such a name could not be found again.
  if (name.length > 256 || /[*\r\n]/.test(name))
    throw new ConfigurationError(
      `${label} ${JSON.stringify(name)} is not a usable data table name (at most 256 characters, no "*", one line).`,
      `Give a plain name, such as ${DEFAULT_VERSIONS_TABLE}.`,
    );
  return name;
}

/** What one marker says beside the table's hash. */
export interface MarkerStamp {
  version: number;
  deployId: string;
  deployedAt: string;
  gitSha?: string | undefined;
}

/** The versions table of a deploy: its name, and how it was read (null: it does not exist). */
export interface VersionsTable {
  name: string;
  live: LiveTable | null;
}

/**
 * The versions table is not configured by files: a file naming it would plan its rows (prune
 * included) against the deploy's own markers. Checked first, before anything is read.
 */
export function refuseConfiguredVersionsTable(plan: Plan, name: string): void {
  const configured = plan.tables.find((table) => table.name.toLowerCase() === name.toLowerCase());
  if (configured)
    throw new ConfigurationError(
      `${configured.file} configures ${configured.name}, the versions table this deploy writes. Nothing was written.`,
      `Remove that file (the deploy maintains the versions table itself), or name another versions table.`,
    );
}

/** Before any write: an existing versions table must have the columns readers expect. */
export function checkVersionsTable(versions: VersionsTable): void {
  const problems = versions.live ? versionsSchemaProblems(versions.live.schema) : [];
  if (problems.length > 0)
    throw new ConfigurationError(
      `The versions table ${versions.name} has not the expected columns: ${problems.join('; ')}. Nothing was written.`,
      'Delete that table (the next deploy creates it with the right columns), or name another versions table.',
    );
}

/** The highest version any versions row holds (0 when none). */
export function highestMarked(live: LiveTable | null): number {
  let highest = 0;
  for (const row of live?.rows ?? []) highest = Math.max(highest, versionRecord(row)?.version ?? 0);
  return highest;
}

/** One table's marker to write: its rows as read back (null: the table is gone) and, when it differs from the stamp's, its version. */
export interface MarkedTable {
  name: string;
  rows: readonly Row[] | null;
  version?: number | undefined;
}

/**
 * Writes (or deletes, for a table that no longer exists) the versions row of each table, with
 * the hash of its rows as given (read back from the service). Creates the versions table when
 * it does not exist. Returns the operations done; a write that fails for good throws.
 */
export async function writeMarkers(
  versions: VersionsTable,
  tables: readonly MarkedTable[],
  stamp: MarkerStamp,
  context: ApplyContext,
): Promise<number> {
  const plan = markerPlan(versions, tables, stamp);
  if (plan.schemaChanges.length + plan.creates.length + plan.updates.length + plan.deletes.length === 0)
    return 0;
  const report = await applyTables([plan], [versions.live], context);
  const numbers = [...new Set(tables.map((table) => table.version ?? stamp.version))].sort((a, b) => a - b);
  context.logger.info(
    `${versions.name}: ${tables.length} table(s) marked at version ${numbers.join(', ')} (deploy ${stamp.deployId})`,
  );
  return report.operations;
}

/** A table whose rows a restore put back (by id when known, else by name). */
export interface RestoredRef {
  name: string;
  id?: string | undefined;
}

/** What marking after a restore did: the version each table now holds (tables gone left out). */
export type RestoreMarking = { versions: Record<string, number> } | { problem: string };

/**
 * After a restore was proven (a failed deploy's rollback, or a manual one): reads the restored
 * tables and the versions table again, and gives each table a new row, hashed from its rows as
 * read now, at one above the highest version the versions table holds for it and at least
 * `floor` (a failed deploy passes its version + 1, so that readers that took the failed
 * deploy's marker leave it). Every restored table is marked, even one whose row looks true:
 * a reader may have read its rows half-changed meanwhile, and only a newer version makes it
 * read them again. With `onlyUntrue` (nothing was restored: the versions table is only mended),
 * a row that describes its table's rows stays. A table gone loses its row. Returns a problem
 * (for the report) instead of throwing: the tables themselves are restored either way.
 */
export async function markRestored(
  restored: readonly RestoredRef[],
  versionsName: string,
  stamp: Omit<MarkerStamp, 'version'> & { floor?: number | undefined; onlyUntrue?: boolean | undefined },
  context: ApplyContext,
): Promise<RestoreMarking> {
  try {
    const refs = restored.map((table) => (table.id ? { id: table.id } : { name: table.name }));
    const read = await readTables(context.tables, [...refs, { name: versionsName }]);
    const versions: VersionsTable = { name: versionsName, live: read[refs.length] ?? null };
    checkVersionsTable(versions);
    const marked = new Map((versions.live?.rows ?? []).map((row) => [String(row.key), versionRecord(row)]));
    const changed: MarkedTable[] = [];
    for (const [index, table] of restored.entries()) {
      const rows = read[index]?.rows ?? null;
      const record = marked.get(table.name);
      if (rows === null ? !marked.has(table.name) : stamp.onlyUntrue && record?.hash === snapshotHash(rows))
        continue;
      changed.push({
        name: table.name,
        rows,
        version: Math.max(stamp.floor ?? 0, (record?.version ?? 0) + 1),
      });
    }
    await writeMarkers(versions, changed, { ...stamp, version: 0 }, context);
    return {
      versions: Object.fromEntries(
        changed.filter((table) => table.rows !== null).map((table) => [table.name, table.version!]),
      ),
    };
  } catch (error) {
    return {
      problem: `the versions table ${versionsName} could not be updated after the restore (${(error as Error).message}); it may still describe the rows as they were before it. Restore the backup again (the rows stay; the versions table is rewritten), or deploy again.`,
    };
  }
}

/** The plan that turns the versions table into one that holds these markers (others untouched). */
function markerPlan(versions: VersionsTable, tables: readonly MarkedTable[], stamp: MarkerStamp): TablePlan {
  const current = new Map((versions.live?.rows ?? []).map((row) => [String(row.key), row]));
  const plan: TablePlanDraft = {
    name: versions.name,
    id: versions.live?.id,
    file: `(versions table ${versions.name})`,
    description: VERSIONS_DESCRIPTION,
    schema: versions.live?.schema ?? VERSIONS_SCHEMA,
    managed: {},
    prune: false,
    schemaChanges: versions.live
      ? []
      : [{ kind: 'create-table', columns: Object.keys(VERSIONS_SCHEMA.properties).length }],
    blocked: [],
    creates: [],
    updates: [],
    deletes: [],
    unchanged: 0,
    unmanagedRows: 0,
    liveRowCount: current.size,
    rowLimit: Math.max(DEFAULT_LIMITS.maxRows, current.size + tables.length),
    liveFingerprint: versions.live?.fingerprint ?? null,
    // Row by row: an import job would be slower for the few rows of a deploy.
    prediction: { strategy: 'rows', calls: 0, seconds: 0 },
  };
  for (const table of [...tables].sort((a, b) => compareKeys(a.name, b.name))) {
    const before = current.get(table.name);
    if (table.rows === null) {
      if (before) plan.deletes.push({ key: table.name, row: before });
      continue;
    }
    const row = versionRow({
      table: table.name,
      version: table.version ?? stamp.version,
      hash: snapshotHash(table.rows),
      deployedAt: stamp.deployedAt,
      sha: stamp.gitSha,
      deployId: stamp.deployId,
    });
    if (!before) plan.creates.push({ key: table.name, row });
    else plan.updates.push({ key: table.name, cells: [], before, after: row });
  }
  return plan;
}
