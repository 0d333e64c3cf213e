import type { Clock } from '../clock.js';
import { RefusedError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { Logger } from '../logger.js';
import { readTables, type LiveTable } from '../plan/snapshot.js';
import type { Plan } from '../plan/types.js';
import { liveTable } from '../plan/snapshot.js';
import { checkVersionsTable, type VersionsTable } from './versions-table.js';

/**
 * The live tables as a plan computed in this same run read them (the CLI's apply of config
 * files, the action's deploy, which plans again): that read is the stale-plan guard and the
 * backup, so the tables are not read a second time seconds later.
 */
export interface PlanRead {
  /** The tables read for the plan, in any order (matched to the plan's tables by id). */
  tables: ReadonlyArray<LiveTable | null>;
  /** When the read started (Clock time, ms). */
  readAt: number;
}

/**
 * How old the plan's own read may be and still stand as the guard. Older (a confirmation
 * prompt left waiting), the tables are read again: someone may have changed them meanwhile.
 */
export const PLAN_READ_MAX_AGE_MS = 60_000;

export interface Guarded {
  /** The live tables, in plan order (null where one does not exist): what is backed up. */
  live: Array<LiveTable | null>;
  versions?: VersionsTable | undefined;
}

/**
 * The stale-plan guard: the live tables, read once (or as the plan's own read in this run
 * found them), must be exactly those the plan was computed from. Refuses with a
 * {@link RefusedError}, before any write, when one changed. The versions table, when one is
 * kept, is read with them and checked.
 */
export async function guardPlan(
  plan: Plan,
  options: {
    tables: DataTablesApi;
    clock: Clock;
    logger: Logger;
    planRead?: PlanRead | undefined;
    versionsTable?: string | undefined;
  },
): Promise<Guarded> {
  const guarded = (await fromPlanRead(plan, options)) ?? (await readAgain(plan, options));
  const stale = plan.tables
    .filter((table, index) => (guarded.live[index]?.fingerprint ?? null) !== table.liveFingerprint)
    .map((table) => table.name);
  if (stale.length > 0) {
    throw new RefusedError(
      `The plan is stale: ${stale.join(', ')} changed since it was computed (${plan.digest.slice(0, 19)}…). Nothing was written.`,
      'Plan again against the live tables (and have the new plan approved), then deploy that plan.',
    );
  }
  if (guarded.versions) checkVersionsTable(guarded.versions);
  return guarded;
}

/** The plan's own read, when it is recent and holds every table of the plan. */
async function fromPlanRead(
  plan: Plan,
  options: Parameters<typeof guardPlan>[1],
): Promise<Guarded | undefined> {
  const { planRead, logger } = options;
  if (!planRead) return undefined;
  const age = options.clock.now() - planRead.readAt;
  if (age > PLAN_READ_MAX_AGE_MS) {
    logger.info(
      `▶ stale-plan guard: the plan's read is ${Math.round(age / 1000)} s old; reading the live tables again`,
    );
    return undefined;
  }
  const byId = new Map(planRead.tables.flatMap((table) => (table ? [[table.id, table] as const] : [])));
  const live = plan.tables.map((table) => (table.id === undefined ? null : byId.get(table.id)));
  if (live.some((table) => table === undefined)) return undefined;
  logger.info(
    `▶ stale-plan guard: the plan was computed from the live tables ${(age / 1000).toFixed(1)} s ago in this run; that read is the guard and the backup`,
  );
  const name = options.versionsTable;
  return {
    live: live as Array<LiveTable | null>,
    versions: name ? { name, live: await readByName(options.tables, name) } : undefined,
  };
}

/** The plan came from elsewhere (a file, an approval): one read of the tables it names. */
async function readAgain(plan: Plan, options: Parameters<typeof guardPlan>[1]): Promise<Guarded> {
  options.logger.info('▶ stale-plan guard: reading the live tables again');
  const refs = plan.tables.map((table) => (table.id ? { id: table.id } : { name: table.name }));
  const name = options.versionsTable;
  // The versions table is read with them (one listing), for its columns and highest version.
  const read = await readTables(options.tables, [...refs, ...(name ? [{ name }] : [])]);
  return {
    live: read.slice(0, refs.length),
    versions: name ? { name, live: read[refs.length] ?? null } : undefined,
  };
}

/** One table by its exact name (a filtered listing, not the org's), or null. */
async function readByName(tables: DataTablesApi, name: string): Promise<LiveTable | null> {
  const found = await tables.findTableByName(name);
  if (!found) return null;
  const schema = found.schema ?? (await tables.getTable(found.id)).schema!;
  return liveTable({ ...found, schema }, await tables.listRows(found.id));
}
