import type { Finding } from './findings.js';

export interface ReportOptions {
  /** ANSI colours (terminals only). */
  color?: boolean;
}

/** `path:line:col severity rule message` per finding, each with its fix, then a summary line. */
export function renderFindingsText(
  findings: readonly Finding[],
  files: readonly string[],
  options: ReportOptions = {},
): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const item of findings) {
    const severity = item.severity === 'error' ? paint('31', 'error') : paint('33', 'warning');
    lines.push(
      `${paint('1', `${item.file}:${item.line}:${item.column}`)} ${severity} ${paint('2', item.rule)} ${item.message}`,
    );
    if (item.hint) lines.push(`  fix: ${item.hint}`);
  }
  lines.push(summaryLine(findings, files));
  return `${lines.join('\n')}\n`;
}

function summaryLine(findings: readonly Finding[], files: readonly string[]): string {
  const errors = findings.filter((item) => item.severity === 'error').length;
  const warnings = findings.length - errors;
  const fileCount = `${files.length} file${files.length === 1 ? '' : 's'}`;
  if (findings.length === 0) return `${fileCount} valid.`;
  return `${errors} error${errors === 1 ? '' : 's'} and ${warnings} warning${warnings === 1 ? '' : 's'} in ${fileCount}.`;
}

/** The JSON report: a contract for scripts. */
export function renderFindingsJson(findings: readonly Finding[], files: readonly string[]): string {
  const errors = findings.filter((item) => item.severity === 'error').length;
  return `${JSON.stringify({ valid: errors === 0, files, errors, warnings: findings.length - errors, findings }, null, 2)}\n`;
}
