import type { TableSchema, Row } from '../../src/genesys/types.js';
import { fingerprintTable, type LiveTable } from '../../src/plan/snapshot.js';

/** A live table for planning tests. */
export function liveTable(name: string, schema: TableSchema, rows: Row[], id = `id-${name}`): LiveTable {
  return { id, name, division: 'Home', schema, rows, fingerprint: fingerprintTable(schema, rows) };
}

/** The org a plan built in a unit test is bound to. */
export const ORG = { apiHost: 'api.mypurecloud.com' } as const;
