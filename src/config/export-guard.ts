import type { Finding } from './findings.js';
import { loadConfig } from './load.js';
import { renderConfig } from './render.js';
import type { Allowance, GuardRule, TableConfig } from './types.js';

const GUARD_RULE = /^(secret|pii)-/;

/** What export does with what the secret and personal-data guard flags in a live table. */
export interface GuardedExport {
  /** The config to write: validates without a guard finding. */
  config: TableConfig;
  /** Rows left out because a value (or the key) is flagged; their messages show masked previews. */
  withheld: Finding[];
  /** Values written as they are, each covered by an allow annotation (`--include-flagged`). */
  allowed: Finding[];
  /** What validating the config to write finds (no guard finding among them). */
  findings: Finding[];
}

/**
 * Live tables can hold what config files must not: a value the guard flags would put a secret
 * or personal data into git. By default such rows are withheld from the file and the file gets
 * `prune: false`, so that planning it leaves them as they are live (it still shows no changes).
 * With `includeFlagged` the values are written with allow annotations, so that the file
 * validates and the choice is visible in review. Column names that merely suggest credentials
 * are allowed on the column either way (a name is not a secret); their values are still judged.
 *
 * The guard itself decides (the file is rendered and loaded as `validate` would), so export can
 * never write a file that validation then refuses for the same reason.
 */
export function guardExport(config: TableConfig, options: { includeFlagged: boolean }): GuardedExport {
  let current = config;
  const withheld: Finding[] = [];
  const allowed: Finding[] = [];
  // Each round removes or allows what the last one found; allowing a column name can reveal
  // value findings it masked, so a second round may be needed, never more than a few.
  let all = loadRendered(current);
  for (let round = 0; round < 4; round++) {
    const findings = all.filter((item) => GUARD_RULE.test(item.rule));
    if (findings.length === 0) break;
    const columnNames = findings.filter((item) => item.key === undefined && item.field !== undefined);
    const rowFindings = findings.filter((item) => item.key !== undefined);
    current = allowColumnNames(current, columnNames);
    if (options.includeFlagged) {
      current = { ...current, allow: mergeAllowances(current.allow, rowFindings) };
      allowed.push(...rowFindings);
    } else {
      const keys = new Set(rowFindings.map((item) => item.key!));
      if (keys.size > 0)
        current = { ...current, prune: false, rows: current.rows.filter((row) => !keys.has(row.key)) };
      withheld.push(...rowFindings);
    }
    all = loadRendered(current);
  }
  return { config: current, withheld, allowed, findings: all };
}

function loadRendered(config: TableConfig): Finding[] {
  return loadConfig(config.file, Buffer.from(renderConfig(config))).findings;
}

function allowColumnNames(config: TableConfig, findings: Finding[]): TableConfig {
  if (findings.length === 0) return config;
  const names = new Set(findings.map((item) => item.field!));
  return {
    ...config,
    columns: config.columns.map((column) =>
      names.has(column.name) && !column.allow.includes('secret-name')
        ? { ...column, allow: [...column.allow, 'secret-name'] }
        : column,
    ),
  };
}

function mergeAllowances(existing: readonly Allowance[], findings: Finding[]): Allowance[] {
  const merged = new Map<string, Allowance>();
  for (const allowance of existing)
    merged.set(JSON.stringify([allowance.key, allowance.column ?? null]), { ...allowance });
  for (const item of findings) {
    // A key's own finding is allowed for the whole row (no column), a value's for its column.
    const column = item.field;
    const id = JSON.stringify([item.key, column ?? null]);
    const allowance = merged.get(id) ?? { key: item.key!, ...(column ? { column } : {}), rules: [] };
    if (!allowance.rules.includes(item.rule as GuardRule)) allowance.rules.push(item.rule as GuardRule);
    merged.set(id, allowance);
  }
  return [...merged.values()];
}
