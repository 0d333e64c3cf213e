import type { ContractChecker } from './contract.js';
import type { ResolvedTable } from './options.js';
import type { BuiltSnapshot } from './snapshot.js';
import { FrozenMap } from './snapshot.js';
import type { ConfigValue, FallbackReason, TableSnapshot } from './types.js';

/** Why one key is not served from the snapshot. */
export interface Refusal {
  readonly reason: FallbackReason;
  readonly detail: string;
}

/** An installed snapshot as the plugin sees it: guards, version range and contract applied. */
export interface TableView {
  readonly snapshot: TableSnapshot;
  /** What `get` serves per key: refused keys hold their safe default, or are absent without one. */
  readonly values: ReadonlyMap<string, ConfigValue>;
  /** The keys refused, and why (every key when the version is out of range). */
  readonly refused: ReadonlyMap<string, Refusal>;
  readonly versionInRange: boolean;
  /** The rows disagree with the versions row: the table was edited by hand after its deploy. */
  readonly drifted: boolean;
}

/** The view plus the two maps `get` reads: values that passed, and refusals. */
export interface GuardedTable extends TableView {
  readonly passed: ReadonlyMap<string, ConfigValue>;
}

/** Applies the environment guard, the version range and the consumer contract to a snapshot. */
export function guardSnapshot(
  built: BuiltSnapshot,
  table: ResolvedTable,
  environment: string,
  contract: ContractChecker,
  drifted: boolean,
): GuardedTable {
  const { snapshot } = built;
  const versionInRange = snapshot.version >= table.versionMin && snapshot.version <= table.versionMax;
  const passed = new Map<string, ConfigValue>();
  const refused = new Map<string, Refusal>();
  for (const [key, row] of snapshot.rows) {
    const refusal = refusalOf(key, row[table.environmentColumn || ''], built, table, environment, contract);
    if (refusal) refused.set(key, refusal);
    else passed.set(key, snapshot.values.get(key) as ConfigValue);
  }
  if (!versionInRange) {
    const detail = `version ${snapshot.version} is outside ${table.versionMin}–${table.versionMax}`;
    for (const key of snapshot.rows.keys()) refused.set(key, { reason: 'version-out-of-range', detail });
    passed.clear();
  }
  const values = new Map(passed);
  for (const key of refused.keys()) {
    if (table.safeDefaults.has(key)) values.set(key, table.safeDefaults.get(key) as ConfigValue);
  }
  return {
    snapshot,
    passed: new FrozenMap(passed),
    refused: new FrozenMap(refused),
    values: new FrozenMap(values),
    versionInRange,
    drifted,
  };
}

function refusalOf(
  key: string,
  rowEnvironment: unknown,
  built: BuiltSnapshot,
  table: ResolvedTable,
  environment: string,
  contract: ContractChecker,
): Refusal | undefined {
  if (table.environmentColumn !== false && rowEnvironment !== environment) {
    return {
      reason: 'environment-mismatch',
      detail: `the row's ${table.environmentColumn} is ${JSON.stringify(rowEnvironment ?? '')}, not ${JSON.stringify(environment)}`,
    };
  }
  const problem = built.unreadable.get(key);
  if (problem !== undefined) return { reason: 'unreadable', detail: problem };
  const violation = contract.check(key, built.snapshot.values.get(key) as ConfigValue);
  if (violation !== undefined) return { reason: 'contract-violation', detail: violation };
  return undefined;
}
