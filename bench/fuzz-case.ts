/**
 * The fuzz benchmark, run in its own process so that its peak memory is its own:
 *   node --import tsx bench/fuzz-case.ts [files] [seed]
 * Generates the files by seed (the fuzz test's generators at a larger scale), validates each,
 * checks that the validator stayed total, and prints one JSON object.
 */
import fc from 'fast-check';
import { loadConfig } from '../src/config/load.js';
import {
  BENCH_SCALE,
  buildFile,
  checkTotality,
  fileRecipeArbitrary,
  readSeedCorpus,
} from '../test/helpers/config-fuzz.js';

const files = Number(process.argv[2] ?? 5_000);
const seed = Number(process.argv[3] ?? 424242);
const CHUNK = 250;
const MB = 1024 * 1024;

const seeds = readSeedCorpus();
const recipes = fileRecipeArbitrary(seeds, BENCH_SCALE);
const timings: number[] = [];
let bytesTotal = 0;
let findings = 0;
let crashes = 0;
let slowest = { ms: 0, bytes: 0, name: '' };
let largest = 0;
const started = performance.now();

for (let chunk = 0; chunk * CHUNK < files; chunk++) {
  const batch = fc.sample(recipes, { seed: seed + chunk, numRuns: Math.min(CHUNK, files - chunk * CHUNK) });
  for (const [index, recipe] of batch.entries()) {
    const name = `datatables/fuzz-${chunk * CHUNK + index}.yaml`;
    const bytes = buildFile(seeds, recipe, BENCH_SCALE);
    // The validator alone is timed; the totality check runs it again, with the renderers.
    const before = performance.now();
    try {
      loadConfig(name, bytes);
    } catch {
      // Counted below by the totality check.
    }
    const ms = performance.now() - before;
    timings.push(ms);
    bytesTotal += bytes.length;
    largest = Math.max(largest, bytes.length);
    if (ms > slowest.ms) slowest = { ms, bytes: bytes.length, name };
    const result = await checkTotality([{ name, bytes }]);
    findings += result.findings;
    if (result.problems.length > 0) {
      crashes += 1;
      process.stderr.write(`broken promise in ${name}: ${result.problems[0]?.slice(0, 2000)}\n`);
    }
  }
}

process.stderr.write(`slowest: ${slowest.name}\n`);
timings.sort((a, b) => a - b);
const percentile = (p: number) =>
  timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));
process.stdout.write(
  `${JSON.stringify({
    seed,
    files: timings.length,
    totalMB: round(bytesTotal / MB),
    largestFileKB: round(largest / 1024, 1),
    findings,
    crashes,
    slowestFileMs: round(slowest.ms),
    slowestFileKB: round(slowest.bytes / 1024, 1),
    slowestFileMsPerMB: round(slowest.ms / (slowest.bytes / MB), 1),
    p50Ms: round(percentile(50), 3),
    p99Ms: round(percentile(99), 2),
    validateMsPerMB: round(timings.reduce((sum, ms) => sum + ms, 0) / (bytesTotal / MB), 1),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    wallSeconds: round((performance.now() - started) / 1000, 1),
  })}\n`,
);
