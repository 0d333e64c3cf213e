import type { CellValue } from '../genesys/types.js';
import { htmlText, markdownCode, markdownValue } from '../plan/display.js';
import type { RestoreReport } from './restore.js';
import type { Mismatch } from './verify.js';

/** How many differences a summary lists in full (the rest are counted). */
const LISTED = 200;

/** A cell value, or a whole row (missing or extra) described, for a markdown cell. */
function valueCell(value: unknown): string {
  if (value === undefined) return '';
  if (value !== null && typeof value === 'object') return '<i>the row</i>';
  if (value === null) return '<i>absent</i>';
  return markdownValue(value as CellValue);
}

/**
 * What a restore left different, as a markdown table (table, key, column, expected, actual),
 * and the operations that failed: for job summaries. Empty when the restore finished.
 */
export function restoreDifferencesMarkdown(report: RestoreReport): string[] {
  if (report.restored) return [];
  const lines = [
    `**Still different after the restore (${report.remaining.length}), as read after the settle window:**`,
    '',
    '| table | key | column | expected (backup) | actual (live) |',
    '| --- | --- | --- | --- | --- |',
    ...report.remaining
      .slice(0, LISTED)
      .map((item: Mismatch) =>
        item.key === undefined && item.column === undefined
          ? `| ${item.table ? markdownCode(item.table) : ''} | | | ${htmlText(item.message)} | |`
          : `| ${markdownCode(item.table)} | ${item.key === undefined ? '' : markdownCode(item.key)} | ${item.column === undefined ? '' : markdownCode(item.column)} | ${valueCell(item.expected)} | ${valueCell(item.actual)} |`,
      ),
  ];
  if (report.remaining.length > LISTED) lines.push('', `…and ${report.remaining.length - LISTED} more.`);
  if (report.failures.length > 0)
    lines.push(
      '',
      '**Operations that failed:**',
      ...report.failures.slice(0, LISTED).map((item) => `- ${htmlText(item)}`),
    );
  return lines;
}

/** The same for a terminal: one line per difference, then the failed operations. */
export function restoreDifferencesText(report: RestoreReport): string[] {
  if (report.restored) return [];
  return [
    `  still different after the restore (${report.remaining.length}):`,
    ...report.remaining.map((item) => `    ${item.message}`),
    ...(report.failures.length > 0
      ? ['  operations that failed:', ...report.failures.map((item) => `    ${item}`)]
      : []),
  ];
}
