/**
 * Runs every benchmark and prints one JSON object of figures on stdout (progress on stderr).
 * Benchmarks measure; they never pass or fail on a threshold.
 *   npm run bench                 all of them
 *   npm run bench -- readRows     only those named
 */
import { readRows, writeRowsAtBudget } from './client.bench.js';
import { validateConfigs } from './config.bench.js';
import { planLargeTable, planManyTables } from './plan.bench.js';
import { applyThousandRows, restoreFiveThousandRows } from './deploy.bench.js';
import { actionColdStart } from './action.bench.js';
import { realisticDeploy, storms } from './consistency.bench.js';
import { fuzzConfigs } from './fuzz.bench.js';
import { incumbent } from './incumbent.bench.js';
import { deployCalls } from './calls.bench.js';
import { testSuite } from './test-suite.bench.js';
import { runtimeReader } from './runtime.bench.js';

const BENCHMARKS: Record<string, () => Promise<Record<string, unknown>>> = {
  readRows,
  writeRowsAtBudget,
  validateConfigs,
  fuzzConfigs,
  planLargeTable,
  planManyTables,
  applyThousandRows,
  restoreFiveThousandRows,
  actionColdStart,
  realisticDeploy,
  storms,
  deployCalls,
  incumbent,
  runtimeReader,
  testSuite,
};

const wanted = process.argv.slice(2);
const figures: Record<string, unknown> = {
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
  date: new Date().toISOString(),
};
for (const [name, benchmark] of Object.entries(BENCHMARKS)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  figures[name] = await benchmark();
}
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
