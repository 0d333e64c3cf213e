import { restoreDifferencesText } from '../deploy/differences.js';
import { deployHeadline } from '../deploy/outcome.js';
import type { DeployResult } from '../deploy/pipeline.js';
import type { RestoreReport } from '../deploy/restore.js';
import { describeTableRestore } from '../deploy/restore-preview.js';
import { redactUrl } from '../genesys/regions.js';
import { cliAdvice, exitCodeOf } from './exit-codes.js';
import { writeLine, type CliIo } from './io.js';

/** A one-screen summary of a deploy, for the end of `apply`: the headline, the facts, what next. */
export function writeDeploySummary(io: CliIo, result: DeployResult, journalPath?: string): void {
  const lines: string[] = ['', deployHeadline(result)];
  if (result.failure) lines.push(`  cause: ${result.failure.message}`);
  if (result.restore) lines.push(...restoreLines(result.restore));
  if (result.health)
    lines.push(
      `  health checks: ${result.health.passed ? 'passed' : 'failed'} after ${result.health.rounds} round(s)`,
    );
  for (const webhook of result.webhooks ?? [])
    lines.push(
      `  webhook ${redactUrl(webhook.url)}: ${webhook.ok ? 'delivered' : `failed (${webhook.error})`}`,
    );
  if (result.backup) lines.push(`  backup: ${result.backup}`);
  if (journalPath && result.backup) lines.push(`  journal: ${journalPath}`);
  lines.push(...cliAdvice(result).map((line) => `  ${line}`));
  lines.push(`  exit code ${exitCodeOf(result.outcome)}`);
  for (const line of lines) writeLine(io.stdout, line);
}

/** What a restore did, table by table, then what it left different. */
export function restoreLines(report: RestoreReport): string[] {
  const lines = report.tables.map((table) => `  restore ${describeTableRestore(table)}`);
  for (const item of report.leftInPlace) lines.push(`  restore ${item}`);
  lines.push(...restoreDifferencesText(report));
  return lines;
}
