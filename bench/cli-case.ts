/**
 * What the call-counting benches share: a two-column table of N rows, its config file, the CLI
 * run in process, and the data-table API calls the emulator counted (by route).
 */
import { runCli } from '../src/cli/main.js';
import type { RunningEmulator } from '../src/emulator/server.js';
import { tableSchema } from '../src/genesys/schema.js';
import type { Row } from '../src/genesys/types.js';

export const BENCH_SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
});

/** `count` rows; the first `changed` of them with another value. */
export const rowsOf = (count: number, changed = 0): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    key: `row-${String(index).padStart(5, '0')}`,
    value: index < changed ? `changed ${index}` : `value ${index}`,
    count: index,
  }));

export function configText(rows: Row[], maxRows = 5_000): string {
  const body = rows.map((row) => `  ${row.key}: { value: "${row.value}", count: ${row.count} }`).join('\n');
  const limits = maxRows > 5_000 ? `limits: { maxRows: ${maxRows} }\n` : '';
  return `table: bench\n${limits}columns:\n  value: { type: string }\n  count: { type: integer }\nrows:\n${body}\n`;
}

/** Data-table API calls since the last reset, by route (OAuth and the emulator's admin routes left out). */
export function apiCallsByRoute(emulator: RunningEmulator): Record<string, number> {
  return Object.fromEntries(
    Object.entries(emulator.log.snapshot().byRoute).filter(([route]) => / \/api\/v2\//.test(route)),
  );
}

export const apiCalls = (emulator: RunningEmulator): number =>
  Object.values(apiCallsByRoute(emulator)).reduce((sum, count) => sum + count, 0);

/** Options that take the rate budget and the gate's thresholds out of a measurement of calls. */
export const UNTHROTTLED = [
  '--rate-limit',
  '1000000',
  '--max-changed-rows',
  '100000',
  '--max-total-changed-rows',
  '100000',
  '--max-deleted-rows',
  '100000',
  '--max-changed-percent',
  '100',
];

/** Runs the CLI in process; exit codes 0 and 2 (changes) pass, any other throws with its stderr. */
export async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  let errors = '';
  const sink = { write: () => true } as unknown as NodeJS.WritableStream;
  const stderr = { write: (chunk: string) => ((errors += chunk), true) } as unknown as NodeJS.WritableStream;
  const code = await runCli(args, { env, stdout: sink, stderr });
  if (code !== 0 && code !== 2) throw new Error(`datatable-deploy ${args[0]} exited ${code}: ${errors}`);
}

export const connectionEnv = (emulator: RunningEmulator): NodeJS.ProcessEnv => ({
  GENESYSCLOUD_API_URL: emulator.url,
  GENESYSCLOUD_OAUTHCLIENT_ID: emulator.clientId,
  GENESYSCLOUD_OAUTHCLIENT_SECRET: emulator.clientSecret,
});
