/**
 * One plan benchmark case, run in its own process so that its peak memory is its own:
 *   node --expose-gc --import tsx bench/plan-case.ts large [rows]|many
 * Prints one JSON object. Times are given as wall time and as the process's CPU time: on a
 * shared machine the second says more about the code.
 */
import { desiredTableSchema } from '../src/config/desired-schema.js';
import { DEFAULT_LIMITS, type ColumnSpec, type DesiredRow, type TableConfig } from '../src/config/types.js';
import type { CellValue, Row } from '../src/genesys/types.js';
import { buildPlan } from '../src/plan/build.js';
import { renderMarkdown } from '../src/plan/render-markdown.js';
import { fingerprintTable, type LiveTable } from '../src/plan/snapshot.js';

const NOWHERE = { line: 0, column: 0 };
const COLUMN_TYPES = [
  'string',
  'string',
  'string',
  'integer',
  'integer',
  'number',
  'number',
  'boolean',
  'boolean',
  'string',
] as const;

function column(index: number): ColumnSpec {
  return { name: `col_${index}`, type: COLUMN_TYPES[index]!, required: false, allow: [], position: NOWHERE };
}

function cellValue(type: string, row: number, column: number, variant: number): CellValue {
  if (type === 'string') return `value ${row}-${column}-${variant}`;
  if (type === 'integer') return row * 10 + column + variant;
  if (type === 'number') return row / 8 + column + variant;
  return (row + column + variant) % 2 === 0;
}

/**
 * A table of `rows` rows × 10 columns where every `changeEvery`-th row changes one cell, and
 * 1% of rows are created and 1% deleted.
 */
function table(name: string, rows: number, changeEvery: number): { config: TableConfig; live: LiveTable } {
  const columns = Array.from({ length: 10 }, (_, index) => column(index));
  const desired: DesiredRow[] = [];
  const liveRows: Row[] = [];
  for (let index = 0; index < rows; index++) {
    const key = `key_${String(index).padStart(6, '0')}`;
    const cells: Record<string, CellValue> = {};
    const live: Row = { key };
    columns.forEach((spec, position) => {
      cells[spec.name] = cellValue(spec.type, index, position, 0);
      live[spec.name] = cellValue(
        spec.type,
        index,
        position,
        position === index % 10 && index % changeEvery === 0 ? 1 : 0,
      );
    });
    if (index % 100 !== 1) desired.push({ key, cells, position: NOWHERE, cellPositions: {} });
    if (index % 100 !== 2) liveRows.push(live);
  }
  const config: TableConfig = {
    file: `${name}.yaml`,
    table: { name },
    keyTitle: 'key',
    prune: true,
    limits: { ...DEFAULT_LIMITS, maxRows: rows },
    columns,
    valueSchemas: {},
    allow: [],
    rows: desired,
    position: NOWHERE,
  };
  const schema = desiredTableSchema(config);
  const fingerprint = measure(() => fingerprintTable(schema, liveRows));
  fingerprintMs += fingerprint.ms;
  fingerprintCpuMs += fingerprint.cpuMs;
  return {
    config,
    live: { id: `id-${name}`, name, schema, rows: liveRows, fingerprint: fingerprint.result },
  };
}

function measure<T>(work: () => T): { result: T; ms: number; cpuMs: number } {
  // Garbage left by building the inputs is collected first, so it is not counted as the work's.
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

let fingerprintMs = 0;
let fingerprintCpuMs = 0;
const which = process.argv[2];
const size = Number(process.argv[3] ?? 100_000);
const inputs =
  which === 'large'
    ? [table('large', size, 1)]
    : Array.from({ length: 200 }, (_, index) => table(`t_${index}`, 500, 5));
// The inputs alone (desired and live rows) take this much; the rest of the peak is the plan's.
const inputsRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const planned = measure(() =>
  buildPlan(
    inputs.map((input) => input.config),
    inputs.map((input) => input.live),
    { apiHost: 'api.mypurecloud.com' },
  ),
);
const plan = planned.result;
const rendered = measure(() => renderMarkdown(plan));
const round = (ms: number) => Math.round(ms);
process.stdout.write(
  `${JSON.stringify({
    tables: plan.totals.tables,
    rows: inputs.reduce((sum, input) => sum + input.config.rows.length, 0),
    columns: 10,
    creates: plan.totals.creates,
    updates: plan.totals.updates,
    deletes: plan.totals.deletes,
    liveFingerprintMs: round(fingerprintMs),
    planMs: round(planned.ms),
    planStepMs: round(fingerprintMs + planned.ms),
    planStepCpuMs: round(fingerprintCpuMs + planned.cpuMs),
    markdownMs: round(rendered.ms),
    markdownCharacters: rendered.result.length,
    inputsRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
