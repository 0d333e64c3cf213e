import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs one case of plan-case.ts in its own process, so its peak memory is measured alone. */
async function planCase(name: 'large' | 'many'): Promise<Record<string, number>> {
  const script = resolve(import.meta.dirname, 'plan-case.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, name], {
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, number>;
}

/** Plan computation for 100,000 rows × 10 columns in one table, every row changing. */
export const planLargeTable = () => planCase('large');

/** Plan computation for 200 tables × 500 rows, a fifth of the rows changing. */
export const planManyTables = () => planCase('many');
