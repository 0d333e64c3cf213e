import type { Finding } from '../config/findings.js';
import { htmlText } from '../plan/display.js';

/** Rows shown in the job summary; the annotations carry every finding. */
const SHOWN = 50;

/**
 * The job summary of a run whose config or policy files are not valid: what is wrong, where,
 * and the fix, so that the run page says more than "see the annotations".
 */
export function findingsSummary(findings: readonly Finding[]): string {
  const errors = findings.filter((item) => item.severity === 'error').length;
  const warnings = findings.length - errors;
  const lines = [
    '## datatable-deploy: the files are not valid',
    '',
    `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'}; nothing was planned or written. Fix them and push again (\`datatable-deploy validate\` shows the same locally).`,
    '',
    '| where | rule | problem | fix |',
    '| --- | --- | --- | --- |',
  ];
  for (const item of findings.slice(0, SHOWN)) {
    const cells = [
      `${item.file}:${item.line}:${item.column}`,
      `${item.severity === 'error' ? '❌' : '⚠️'} ${item.rule}`,
      item.message,
      item.hint ?? '',
    ];
    lines.push(`| ${cells.map(tableCell).join(' | ')} |`);
  }
  if (findings.length > SHOWN) lines.push('', `…and ${findings.length - SHOWN} more in the annotations.`);
  return `${lines.join('\n')}\n`;
}

/** Escaped for a markdown table cell: no pipe or newline may end the cell early. */
const tableCell = (text: string) => htmlText(text).replace(/\|/g, '&#124;').replace(/\r?\n/g, ' ');
