import { randomUUID } from 'node:crypto';
import type { DivisionRef, ExportJob, ImportJob, Row, TableSchema } from '../genesys/types.js';

export const HOME_DIVISION: DivisionRef = { id: '4c2c7a8e-0f4f-4c5b-9a3e-000000000001', name: 'Home' };

export interface StoredTable {
  id: string;
  name: string;
  description?: string | undefined;
  division: DivisionRef;
  schema: TableSchema;
  /** Rows by key, in insertion order. */
  rows: Map<string, Row>;
}

export interface ImportJobRecord {
  job: ImportJob;
  tableId: string;
  /** The deprecated flow uploads by multipart POST with a bearer token; the new one by PUT. */
  legacy: boolean;
  uploadSignature: string;
}

export interface ExportJobRecord {
  job: ExportJob;
  tableId: string;
  csv?: string;
}

/** The JSON form of the whole state: what `GET /__emulator/state` returns and `PUT` loads. */
export interface StateDump {
  divisions?: DivisionRef[];
  tables: Array<{
    id?: string;
    name: string;
    description?: string;
    division?: DivisionRef;
    schema: TableSchema;
    rows: Row[];
  }>;
}

/** Everything the emulated org holds. Handlers mutate it; nothing else does. */
export class EmulatorState {
  readonly tables = new Map<string, StoredTable>();
  readonly importJobs = new Map<string, ImportJobRecord>();
  readonly exportJobs = new Map<string, ExportJobRecord>();
  divisions: DivisionRef[] = [HOME_DIVISION];

  findTableByName(name: string): StoredTable | undefined {
    const lowered = name.toLowerCase();
    for (const table of this.tables.values()) if (table.name.toLowerCase() === lowered) return table;
    return undefined;
  }

  division(id: string): DivisionRef | undefined {
    return this.divisions.find((division) => division.id === id);
  }

  dump(): StateDump {
    return {
      divisions: this.divisions.map((division) => ({ ...division })),
      tables: [...this.tables.values()].map((table) => ({
        id: table.id,
        name: table.name,
        ...(table.description !== undefined ? { description: table.description } : {}),
        division: { ...table.division },
        schema: structuredClone(table.schema),
        rows: [...table.rows.values()].map((row) => ({ ...row })),
      })),
    };
  }

  /** Replaces everything with the dump. Rows are stored as given: the dump is trusted. */
  load(dump: StateDump): void {
    if (!dump || !Array.isArray(dump.tables)) throw new TypeError('a state dump needs a "tables" array');
    this.tables.clear();
    this.importJobs.clear();
    this.exportJobs.clear();
    this.divisions = dump.divisions?.length
      ? dump.divisions.map((division) => ({ ...division }))
      : [HOME_DIVISION];
    for (const table of dump.tables) {
      if (typeof table.name !== 'string' || !table.schema || !Array.isArray(table.rows)) {
        throw new TypeError('each table in a state dump needs name, schema and rows');
      }
      const id = table.id ?? randomUUID();
      this.tables.set(id, {
        id,
        name: table.name,
        description: table.description,
        division: table.division ?? this.divisions[0]!,
        schema: structuredClone(table.schema),
        rows: new Map(table.rows.map((row) => [String(row.key), { ...row }])),
      });
    }
  }
}
