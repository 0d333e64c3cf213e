import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import {
  buildFile,
  checkTotality,
  fileRecipeArbitrary,
  fileSetArbitrary,
  fuzzSettings,
  readSeedCorpus,
  TEST_SCALE,
} from '../helpers/config-fuzz.js';

// Fixed, so that every run of the suite checks the same files; FUZZ_SEED and FUZZ_RUNS explore
// others locally (FUZZ_SEED=7 FUZZ_RUNS=20000 npx vitest run test/unit/config-fuzz.test.ts).
const { seed, runs } = fuzzSettings({ seed: 424242, runs: 1_200 });
const seeds = readSeedCorpus();
// A safety net against a hang, not a measure of speed (the fuzz benchmark measures).
const SAFETY_TIMEOUT_MS = 240_000;

async function assertTotal<T>(property: fc.IAsyncPropertyWithHooks<[T]>, numRuns: number) {
  const details = await fc.check(property, { seed, numRuns });
  if (details.failed) {
    throw new Error(
      `${fc.defaultReportMessage(details)}\n${String(details.errorInstance)}\nReproduce with FUZZ_SEED=${seed} FUZZ_RUNS=${runs} (seed printed above with its path).`,
    );
  }
}

describe('the validator is total on hostile config files', () => {
  it('the seed corpus holds the examples and the whole invalid corpus', () => {
    const names = seeds.map((file) => file.name);
    expect(names).toContain('examples/config/plugin_config_production.yaml');
    expect(names).toContain('examples/config/plugin_config_staging.yaml');
    expect(names.filter((name) => name.startsWith('test/fixtures/invalid/')).length).toBeGreaterThanOrEqual(
      40,
    );
  });

  it('gives every unmutated seed located findings, or a config', async () => {
    for (const [index] of seeds.entries()) {
      const bytes = buildFile(
        seeds,
        { source: { from: 'seed', index }, tree: [], text: [], bytes: [] },
        TEST_SCALE,
      );
      expect(bytes.equals(seeds[index]!.bytes)).toBe(true);
      const result = await checkTotality([{ name: seeds[index]!.name, bytes }]);
      expect(result.problems).toEqual([]);
    }
  });

  it(
    'never throws, and locates every finding, on mutated seeds and modelled tables',
    async () => {
      await assertTotal(
        fc.asyncProperty(fileRecipeArbitrary(seeds, TEST_SCALE), async (recipe) => {
          const bytes = buildFile(seeds, recipe, TEST_SCALE);
          const { problems } = await checkTotality([{ name: 'datatables/fuzz.yaml', bytes }]);
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        runs,
      );
    },
    SAFETY_TIMEOUT_MS,
  );

  it(
    'keeps findings, reports and the exit code consistent across sets of files',
    async () => {
      await assertTotal(
        fc.asyncProperty(fileSetArbitrary(seeds, TEST_SCALE), async (files) => {
          const { problems } = await checkTotality(files);
          if (problems.length > 0) throw new Error(problems.join('\n'));
        }),
        Math.ceil(runs / 4),
      );
    },
    SAFETY_TIMEOUT_MS,
  );
});

describe('reproducers the fuzzing found', () => {
  it('places YAML errors after a stray "}" on their own lines (yaml\'s line counter loses the line break)', () => {
    const { findings } = loadConfig('t.yaml', Buffer.from('a:\n} b: 0\n  c: 0\n'));
    expect(findings.map(({ rule, line, column }) => `${rule} ${line}:${column}`)).toEqual([
      'yaml-syntax 2:1',
      'yaml-syntax 2:3',
      'yaml-syntax 2:4',
      'yaml-syntax 2:6',
      'yaml-syntax 3:4',
      'yaml-syntax 3:6',
    ]);
  });

  it('reports nesting that exhausts the stack once, where it passes 32 levels (not where the stack ran out)', () => {
    const depth = 20_000;
    const text = `table: t\ncolumns: {}\nrows:\n  a: { x: ${'['.repeat(depth)}${']'.repeat(depth)} }\n`;
    const { findings } = loadConfig('nested.yaml', Buffer.from(text));
    expect(findings.map(({ rule, line, column }) => `${rule} ${line}:${column}`)).toEqual([
      'yaml-too-deep 4:40',
    ]);
  });

  it('reads a file that overflows yaml\'s parser (5,000 broken lines, then "? x") as a located syntax error', () => {
    const rows = Array.from({ length: 5_000 }, (_, index) => `  "a"${index}: x`).join('\n');
    const text = `table: t\ncolumns: {}\nrows:\n${rows}\n? x\n`;
    const { findings } = loadConfig('t.yaml', Buffer.from(text));
    expect(`${findings[0]?.rule} ${findings[0]?.line}:${findings[0]?.column}`).toBe('yaml-syntax 4:6');
    expect(new Set(findings.map((item) => item.rule))).toEqual(new Set(['yaml-syntax']));
  });
});
