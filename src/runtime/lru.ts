import type { TableState } from './table-state.js';

export interface MemoryLimits {
  readonly maxTables: number;
  readonly maxBytes: number;
}

/**
 * The loaded tables to evict so that the others fit the limits, least recently used first.
 * `keep` (the table just installed) is never chosen: evicting what was just read would only
 * make the next `get` read it again.
 */
export function tablesToEvict(
  states: Iterable<TableState>,
  limits: MemoryLimits,
  keep: TableState,
): TableState[] {
  const loaded = [...states].filter((state) => state.installed !== undefined);
  let count = loaded.length;
  let bytes = loaded.reduce((sum, state) => sum + (state.installed?.snapshot.bytes ?? 0), 0);
  const victims: TableState[] = [];
  const byAge = loaded.filter((state) => state !== keep).sort((a, b) => a.lastUsed - b.lastUsed);
  for (const state of byAge) {
    if (count <= limits.maxTables && bytes <= limits.maxBytes) break;
    victims.push(state);
    count--;
    bytes -= state.installed?.snapshot.bytes ?? 0;
  }
  return victims;
}
