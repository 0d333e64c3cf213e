import type { TableSchema } from '../genesys/types.js';
import { finding, type Finding } from './findings.js';
import { tableLabel, type ColumnSpec, type TableConfig } from './types.js';

export interface SchemaEvolution {
  /** Columns the file adds to the live table: fine, the service accepts them. */
  added: ColumnSpec[];
  /** Removals, renames and type changes: the service refuses them once rows exist. */
  findings: Finding[];
}

/**
 * Compares the columns a config wants with the live table's schema. Adding columns is the only
 * change Genesys accepts; anything else is refused here with the way to get there instead.
 * A removed column and an added one of the same type are reported as a likely rename.
 */
export function compareWithLive(config: TableConfig, live: TableSchema): SchemaEvolution {
  const table = tableLabel(config);
  const liveColumns = Object.entries(live.properties).filter(([name]) => name !== 'key');
  const desired = new Map(config.columns.map((column) => [column.name, column]));
  const added = config.columns.filter((column) => !(column.name in live.properties));
  const findings: Finding[] = [];
  const renameCandidates = [...added];

  for (const [name, column] of liveColumns) {
    const wanted = desired.get(name);
    if (wanted && wanted.type !== column.type) {
      findings.push(
        finding(
          'schema-column-retyped',
          config.file,
          wanted.position,
          `Column "${name}" is ${column.type} in the live table; the file makes it ${wanted.type}.`,
          {
            table,
            field: name,
          },
        ),
      );
      continue;
    }
    if (wanted) continue;
    const renameIndex = renameCandidates.findIndex((candidate) => candidate.type === column.type);
    if (renameIndex >= 0) {
      const [renamed] = renameCandidates.splice(renameIndex, 1);
      findings.push(
        finding(
          'schema-column-renamed',
          config.file,
          renamed!.position,
          `Column "${name}" of the live table is missing from the file, and "${renamed!.name}" (also ${column.type}) is new: a rename?`,
          {
            table,
            field: name,
            hint: `Field ids cannot be renamed. Keep "${name}" and change its title to the new label, or keep both columns: add "${renamed!.name}", backfill it, switch readers, and stop writing "${name}".`,
          },
        ),
      );
    } else {
      findings.push(
        finding(
          'schema-column-removed',
          config.file,
          config.position,
          `Column "${name}" (${column.type}) exists in the live table but not in the file.`,
          {
            table,
            field: name,
            hint: `Genesys cannot remove a column once it exists. Add "${name}: { type: ${column.type} }" back under columns (it can stay unused), or migrate to a new table.`,
          },
        ),
      );
    }
  }
  return { added, findings };
}
