import type { Row } from '../genesys/types.js';
import { displayValue, tombstoneText } from './display.js';
import { formatDuration } from './render-markdown.js';
import type { Plan, TablePlan } from './types.js';

export interface TextOptions {
  /** ANSI colours, for terminals. */
  color?: boolean;
  /** Lines of detail per table before "…and N more". */
  maxLinesPerTable?: number;
}

const VERDICTS = {
  'no-changes': 'No changes: the live tables already match the config.',
  'within-threshold': 'Within thresholds: no approval needed.',
  'needs-approval': 'Needs approval:',
  blocked: 'Blocked: Genesys would refuse part of this plan:',
} as const;

/** The plan for a terminal: + create, ~ update (cell by cell), - delete, then totals and verdict. */
export function renderText(plan: Plan, options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const green = (text: string) => paint('32', text);
  const yellow = (text: string) => paint('33', text);
  const red = (text: string) => paint('31', text);
  const dim = (text: string) => paint('2', text);
  const bold = (text: string) => paint('1', text);
  const max = options.maxLinesPerTable ?? 200;
  const lines: string[] = [];

  for (const table of plan.tables) {
    const note = table.tombstone ? ', tombstone' : table.id ? '' : ', new table';
    lines.push(`${bold(table.name)} ${dim(`(${table.file}${note})`)}`);
    const detail: string[] = [];
    if (table.tombstone) {
      const text = `  ${table.id ? '- ' : '= '}${tombstoneText(table)}`;
      lines.push(table.id ? bold(red(text)) : dim(text), '');
      continue;
    }
    for (const item of table.blocked)
      detail.push(red(`  ! ${item.message}${item.hint ? `\n      fix: ${item.hint}` : ''}`));
    for (const change of table.schemaChanges) {
      if (change.kind === 'delete-table') continue;
      detail.push(
        yellow(
          change.kind === 'create-table'
            ? `  + create table with ${change.columns} columns`
            : `  + add column ${change.column} (${change.type})`,
        ),
      );
    }
    for (const item of table.deletes) detail.push(red(`  - delete ${item.key}  ${dim(rowText(item.row))}`));
    for (const update of table.updates) {
      detail.push(yellow(`  ~ update ${update.key}`));
      for (const cell of update.cells)
        detail.push(`      ${cell.column}: ${quoted(cell.before)} → ${quoted(cell.after)}`);
    }
    for (const item of table.creates) detail.push(green(`  + create ${item.key}  ${dim(rowText(item.row))}`));
    lines.push(
      ...(detail.length > max
        ? [
            ...detail.slice(0, max),
            dim(`  …and ${detail.length - max} more lines (--format json has everything)`),
          ]
        : detail),
    );
    lines.push(
      dim(
        `  = ${table.unchanged} unchanged${table.unmanagedRows > 0 ? `, ${table.unmanagedRows} rows not in the file left alone (prune: false)` : ''}; ${predictionText(table)}`,
      ),
    );
    lines.push('');
  }
  const { totals } = plan;
  lines.push(
    bold(
      `Plan: ${totals.creates} to create, ${totals.updates} to update, ${totals.deletes} to delete, ${totals.unchanged} unchanged, ${totals.schemaChanges} schema changes in ${totals.tables} table${totals.tables === 1 ? '' : 's'}.`,
    ),
  );
  const verdict = VERDICTS[plan.verdict];
  lines.push(
    plan.verdict === 'needs-approval' || plan.verdict === 'blocked' ? yellow(verdict) : green(verdict),
  );
  if (plan.verdict === 'needs-approval')
    for (const crossing of plan.thresholds) lines.push(`  - ${crossing.message}`);
  if (plan.verdict === 'blocked') lines.push('  (see the ! lines above)');
  lines.push(dim(`Digest: ${plan.digest}`));
  return `${lines.join('\n')}\n`;
}

function predictionText(table: TablePlan): string {
  if (table.prediction.calls === 0) return 'no API calls';
  const how = table.prediction.strategy === 'import' ? 'a CSV import job' : 'row calls';
  return `about ${table.prediction.calls} API calls (~${formatDuration(table.prediction.seconds)}) with ${how}`;
}

function quoted(value: Parameters<typeof displayValue>[0]): string {
  const shown = displayValue(value, 80);
  return typeof value === 'string' && !shown.startsWith('(') ? JSON.stringify(shown) : shown;
}

function rowText(row: Row): string {
  const cells = Object.entries(row).filter(([column]) => column !== 'key');
  if (cells.length === 0) return '(defaults)';
  const text = cells.map(([column, value]) => `${column}=${quoted(value)}`).join(' ');
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}
