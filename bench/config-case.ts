/**
 * One validation benchmark case, run in its own process so that its peak memory is its own:
 *   node --expose-gc --import tsx bench/config-case.ts ROWS
 * Loads one config file of ROWS rows (file size and row limits raised to fit) and prints one
 * JSON object with wall time, CPU time and peak memory.
 */
import { loadConfig } from '../src/config/load.js';
import { DEFAULT_LOAD_OPTIONS } from '../src/config/yaml-source.js';
import { configText } from './config.bench.js';

const rows = Number(process.argv[2] ?? 40_000);
const text = configText('big_table', rows).replace(
  'environment: prod\n',
  `environment: prod\nlimits: { maxRows: ${rows} }\n`,
);
const bytes = Buffer.from(text);
loadConfig('warm-up.yaml', Buffer.from(configText('warm_up', 50)));
(globalThis as { gc?: () => void }).gc?.();
const cpu = process.cpuUsage();
const started = performance.now();
const loaded = loadConfig('big.yaml', bytes, { ...DEFAULT_LOAD_OPTIONS, maxFileBytes: bytes.length });
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
if (loaded.findings.length > 0)
  throw new Error(`benchmark config is invalid: ${loaded.findings[0]!.message}`);
process.stdout.write(
  `${JSON.stringify({
    rows: loaded.config!.rows.length,
    bytes: bytes.length,
    validateMs: Math.round(ms),
    validateCpuMs: Math.round((used.user + used.system) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
