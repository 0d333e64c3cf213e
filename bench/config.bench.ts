import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { validateConfigFiles } from '../src/config/validate.js';
import { series } from './series.js';

/** A realistic config file: typed values, json values, an environment column, `rows` rows. */
export function configText(table: string, rows: number): string {
  const lines = [
    `table: ${table}`,
    'environment: prod',
    'key: { title: config_key }',
    'columns:',
    '  config_value: { type: string, required: true, typedBy: data_type, maxLength: 36000 }',
    '  data_type: { type: string, enum: [string, integer, number, boolean, json], default: string }',
    '  environment: { type: string }',
    '  owner_team: { type: string, enum: [routing, dialer, ivr, wfm] }',
    '  priority: { type: integer, minimum: 0, maximum: 100 }',
    '  enabled: { type: boolean }',
    '  version: { type: integer, managed: version }',
    'rows:',
  ];
  const teams = ['routing', 'dialer', 'ivr', 'wfm'];
  for (let index = 0; index < rows; index++) {
    const key = `setting_${String(index).padStart(5, '0')}`;
    const team = teams[index % 4];
    switch (index % 4) {
      case 0:
        lines.push(
          `  ${key}: { config_value: ${index}, data_type: integer, owner_team: ${team}, priority: ${index % 100}, enabled: true }`,
        );
        break;
      case 1:
        lines.push(
          `  ${key}: { config_value: 'Queue message number ${index} for the greeting', owner_team: ${team}, priority: 5 }`,
        );
        break;
      case 2:
        lines.push(
          `  ${key}:`,
          '    data_type: json',
          `    config_value: { queueId: q${index}, weights: [1, 2, 3], fallback: { after: ${index % 60}, to: overflow } }`,
          `    owner_team: ${team}`,
        );
        break;
      default:
        lines.push(
          `  ${key}: { config_value: ${index % 2 === 0}, data_type: boolean, owner_team: ${team}, enabled: false }`,
        );
    }
  }
  return `${lines.join('\n')}\n`;
}

function time<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

/**
 * Validation of one 5,000-row file, of 200 files of 500 rows read from disk, and of one file
 * at 5,000 to 80,000 rows (each in its own process) with the fitted exponent over the sizes.
 */
export async function validateConfigs(): Promise<Record<string, unknown>> {
  const single = Buffer.from(configText('big_table', 5_000));
  loadConfig('warm-up.yaml', Buffer.from(configText('warm_up', 50)));
  const one = time(() => loadConfig('big.yaml', single));
  if (one.result.findings.length > 0)
    throw new Error(`benchmark config is invalid: ${one.result.findings[0]!.message}`);

  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-bench-'));
  try {
    await mkdir(join(dir, 'datatables'));
    await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        writeFile(join(dir, 'datatables', `table_${index}.yaml`), configText(`table_${index}`, 500)),
      ),
    );
    const started = performance.now();
    const many = await validateConfigFiles([], { cwd: dir });
    const manyMs = performance.now() - started;
    if (many.findings.length > 0)
      throw new Error(`benchmark configs are invalid: ${many.findings[0]!.message}`);
    const bySize = await series(
      resolve(import.meta.dirname, 'config-case.ts'),
      [],
      [5_000, 10_000, 20_000, 40_000, 80_000],
      ['validateMs', 'validateCpuMs', 'peakRssMb'],
    );
    return {
      fiveThousandRowFileBytes: single.length,
      fiveThousandRowFileMs: Math.round(one.ms),
      twoHundredFilesOf500Rows: many.configs.length,
      twoHundredFilesMs: Math.round(manyMs),
      rowsPerSecond: Math.round((200 * 500) / (manyMs / 1000)),
      oneFileBySize: bySize,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
