import type { DeployResult } from '../deploy/pipeline.js';
import { restoreDifferencesText } from '../deploy/differences.js';
import type { RestoreReport } from '../deploy/restore.js';
import { redactUrl } from '../genesys/regions.js';
import { writeLine, type CliIo } from './io.js';

/** A one-screen summary of a deploy, for the end of `apply`. */
export function writeDeploySummary(io: CliIo, result: DeployResult, journalPath?: string): void {
  const lines: string[] = [''];
  const headline = {
    'no-changes': 'No changes: nothing was written.',
    applied: `Deployed: version ${result.version}, ${result.operations} operations.`,
    'rolled-back': `Rolled back: the deploy failed (${result.failure?.phase}) and the live tables equal the backup again.`,
    failed: `FAILED: the deploy failed (${result.failure?.phase}) and the rollback did not finish. Manual action is needed.`,
  }[result.outcome];
  lines.push(headline);
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
  if (journalPath && result.outcome !== 'no-changes') lines.push(`  journal: ${journalPath}`);
  lines.push(`  exit code ${result.exitCode}`);
  for (const line of lines) writeLine(io.stdout, line);
}

export function restoreLines(report: RestoreReport): string[] {
  const lines = report.tables.map((table) =>
    table.deletedTable
      ? `  restore ${table.name}: deleted the table the deploy had created`
      : `  restore ${table.name}: ${table.creates} rows put back, ${table.updates} reverted, ${table.deletes} removed`,
  );
  for (const item of report.leftInPlace) lines.push(`  restore ${item}`);
  lines.push(...restoreDifferencesText(report));
  return lines;
}
