import { startEmulator, type RunningEmulator } from '../src/emulator/server.js';
import type { StoredTable } from '../src/emulator/state.js';
import { tableSchema } from '../src/genesys/schema.js';
import type { Row } from '../src/genesys/types.js';
import { snapshotHash } from '../src/runtime/content-hash.js';
import { DEFAULT_VERSIONS_TABLE, VERSIONS_SCHEMA, versionRow } from '../src/runtime/versions-format.js';

/**
 * The org the runtime benchmarks read: config tables as the deploy writes them
 * (examples/config/*.yaml: key, config_value, data_type, environment) and the versions table.
 */

export const tableName = (index: number): string => `plugin_config_${index}`;
export const ENVIRONMENT = 'prod';
const KEYS_PER_TABLE = 40;

const CONFIG_SCHEMA = tableSchema({
  config_value: { type: 'string', displayOrder: 1 },
  data_type: { type: 'string', displayOrder: 2 },
  environment: { type: 'string', displayOrder: 3 },
});

/** The rows of one table at one version; `marker` names the version, so a reader shows what it serves. */
export function configRows(version: number): Row[] {
  const rows: Row[] = [
    { key: 'marker', config_value: `v${version}`, data_type: 'string', environment: ENVIRONMENT },
  ];
  for (let index = 0; index < KEYS_PER_TABLE; index++) {
    const type = index % 2 === 0 ? 'integer' : 'string';
    const value = type === 'integer' ? String(index * 10 + version) : `value-${index}-v${version}`;
    rows.push({ key: `key_${index}`, config_value: value, data_type: type, environment: ENVIRONMENT });
  }
  return rows;
}

export interface Org {
  readonly emulator: RunningEmulator;
  readonly tables: readonly string[];
  readonly connection: { clientId: string; clientSecret: string; apiUrl: string };
  /** Writes a table's rows, then its versions row (the commit marker), as a deploy does. */
  deploy(table: string, version: number): void;
  /** API requests the emulator answered (OAuth excluded), by kind. */
  calls(): ApiCalls;
}

export interface ApiCalls {
  readonly total: number;
  readonly versionsReads: number;
  readonly tableReads: number;
  /** Table lookups by name (the reader caches ids for 5 minutes). */
  readonly lookups: number;
  readonly other: number;
  readonly oauth: number;
}

/** An emulator (instant profile, Genesys's 300 requests/min per token) holding `count` tables at version 1. */
export async function startOrg(count: number): Promise<Org> {
  const tables = Array.from({ length: count }, (_, index) => tableName(index));
  const emulator = await startEmulator({
    state: {
      tables: [
        ...tables.map((name) => ({ name, schema: CONFIG_SCHEMA, rows: configRows(1) })),
        { name: DEFAULT_VERSIONS_TABLE, schema: VERSIONS_SCHEMA, rows: [] },
      ],
    },
  });
  const byName = (name: string): StoredTable => emulator.state.findTableByName(name) as StoredTable;
  const deploy = (table: string, version: number): void => {
    const stored = byName(table);
    for (const row of configRows(version)) emulator.state.writeRow(stored, String(row.key), row);
    // The hash of the rows as the API serves them: what the reader compares with (torn reads).
    const hash = snapshotHash(emulator.state.visibleRows(stored));
    const record = {
      table,
      version,
      hash,
      deployedAt: new Date().toISOString(),
      deployId: `bench-${version}`,
    };
    emulator.state.writeRow(byName(DEFAULT_VERSIONS_TABLE), table, versionRow(record));
  };
  for (const table of tables) deploy(table, 1);
  const versionsId = byName(DEFAULT_VERSIONS_TABLE).id;
  return {
    emulator,
    tables,
    connection: { clientId: emulator.clientId, clientSecret: emulator.clientSecret, apiUrl: emulator.url },
    deploy,
    calls: () => countCalls(emulator, versionsId),
  };
}

function countCalls(emulator: RunningEmulator, versionsId: string): ApiCalls {
  const { recent, byRoute } = emulator.log.snapshot();
  let versionsReads = 0;
  let tableReads = 0;
  let lookups = 0;
  let other = 0;
  for (const request of recent) {
    if (!request.path.startsWith('/api/v2/')) continue;
    if (request.route.endsWith('/rows') && request.method === 'GET') {
      if (request.path.includes(versionsId)) versionsReads++;
      else tableReads++;
    } else if (request.route === 'GET /api/v2/flows/datatables') lookups++;
    else other++;
  }
  const oauth = Object.entries(byRoute)
    .filter(([route]) => route.includes('/oauth/'))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    total: versionsReads + tableReads + lookups + other,
    versionsReads,
    tableReads,
    lookups,
    other,
    oauth,
  };
}
