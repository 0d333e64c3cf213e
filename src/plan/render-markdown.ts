import type { Row } from '../genesys/types.js';
import { htmlText, markdownCode, markdownValue, tombstoneText } from './display.js';
import type { Plan, TablePlan, Verdict } from './types.js';

/** GitHub refuses comment bodies over 65,536 characters; stay well below, for the wrappers. */
export const DEFAULT_MARKDOWN_LIMIT = 60_000;

export interface MarkdownOptions {
  /** Longest body returned, in characters. */
  maxLength?: number;
  /** Where the full plan can be read when the detail does not fit. */
  fullPlanLocation?: string;
  /** Shown in the title, e.g. the PR's environment. */
  title?: string;
}

const VERDICTS: Record<Verdict, string> = {
  'no-changes': '✅ **No changes.** The live tables already match the config.',
  'within-threshold': '✅ **Within thresholds.** This plan can be deployed without an approval.',
  'needs-approval': '⚠️ **Needs approval.** An approval of this exact plan is required before it deploys:',
  blocked: '⛔ **Blocked.** Genesys would refuse part of this plan; fix the config first:',
};

/** The hidden marker that identifies a plan comment and the digest it shows. */
export function planMarker(plan: Pick<Plan, 'environment' | 'digest'>): string {
  return `<!-- datatable-deploy:plan environment=${plan.environment ?? '-'} digest=${plan.digest} -->`;
}

/**
 * The plan as a PR comment. Its length never exceeds `maxLength`, by construction: the summary
 * always fits (long lists are cut with a count), and each table's detail gets a fair share of
 * what is left, row by row, with a note of how many rows did not fit.
 */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const limit = options.maxLength ?? DEFAULT_MARKDOWN_LIMIT;
  const location = options.fullPlanLocation ?? 'the plan file (`datatable-deploy plan --out FILE`)';
  const head = renderHead(plan, options.title);
  const tail = renderTail(plan);
  let budget = limit - head.length - tail.length - 2;
  const changed = plan.tables.filter(hasChanges);
  const details: string[] = [];
  changed.forEach((table, index) => {
    const share = Math.floor(budget / (changed.length - index));
    const block = renderTableDetail(table, share, location);
    if (block.length <= budget) {
      details.push(block);
      budget -= block.length;
    }
  });
  const omitted = changed.length - details.length;
  if (omitted > 0) {
    const note = `\n_The detail of ${omitted} more table${omitted === 1 ? '' : 's'} is in ${location}._\n`;
    if (note.length <= budget) details.push(note);
  }
  return fitTo(`${head}${details.join('')}${tail}`, limit);
}

function hasChanges(table: TablePlan): boolean {
  return (
    table.creates.length +
      table.updates.length +
      table.deletes.length +
      table.schemaChanges.length +
      table.blocked.length >
    0
  );
}

function renderHead(plan: Plan, title: string | undefined): string {
  const lines: string[] = [planMarker(plan)];
  const environment = plan.environment ? ` · ${markdownCode(plan.environment)}` : '';
  lines.push(`### 📋 datatable-deploy plan${title ? ` · ${escapeText(title)}` : ''}${environment}`, '');
  lines.push(VERDICTS[plan.verdict]);
  const reasons =
    plan.verdict === 'blocked'
      ? plan.tables.flatMap((table) =>
          table.blocked.map(
            (item) =>
              `${escapeText(table.name)}: ${escapeText(item.message)}${item.hint ? ` _Fix:_ ${escapeText(item.hint)}` : ''}`,
          ),
        )
      : plan.verdict === 'needs-approval'
        ? plan.thresholds.map((crossing) => escapeText(crossing.message))
        : [];
  lines.push(
    ...capped(
      reasons.map((reason) => `- ${reason}`),
      20,
      (more) => `- …and ${more} more`,
    ),
  );
  lines.push('');
  for (const table of plan.tables.filter((item) => item.tombstone)) {
    const text = escapeText(tombstoneText(table));
    lines.push(table.id ? `**🗑️ ${text}**` : `_${text}._`, '');
  }
  const { totals } = plan;
  lines.push(
    `**${totals.creates}** to create · **${totals.updates}** to update · **${totals.deletes}** to delete · ${totals.unchanged} unchanged` +
      ` · ${totals.schemaChanges} schema change${totals.schemaChanges === 1 ? '' : 's'} · about ${totals.calls} API calls (~${formatDuration(totals.seconds)})`,
    '',
  );
  if (plan.tables.length > 0) {
    lines.push(
      '| table | + created | ~ updated | − deleted | unchanged | schema | API calls |',
      '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    );
    const rows = plan.tables.map((table) => {
      const schema =
        table.blocked.length > 0
          ? '⛔ blocked'
          : table.schemaChanges
              .map((change) =>
                change.kind === 'create-table'
                  ? 'new table'
                  : change.kind === 'delete-table'
                    ? 'DELETE TABLE'
                    : `+ ${change.column}`,
              )
              .join(', ') || (table.tombstone ? 'already gone' : '—');
      const deleted = table.deletes.length > 0 ? `**${table.deletes.length}**` : '0';
      return `| ${markdownCode(table.name)} | ${table.creates.length} | ${table.updates.length} | ${deleted} | ${table.unchanged} | ${escapeText(shorten(schema, 80))} | ${table.prediction.calls} |`;
    });
    lines.push(...capped(rows, 60, (more) => `| …and ${more} more tables | | | | | | |`));
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

function renderTail(plan: Plan): string {
  const host = plan.apiHost ? ` against \`${plan.apiHost}\`` : '';
  return `\n<sub>Plan \`${plan.digest.slice(0, 19)}…\` computed${host} at ${plan.createdAt}. An approval applies to this plan only; any change to the config or the live tables makes a new one.</sub>\n`;
}

/** One table's `<details>` block, at most `budget` characters, rows cut with a count. */
function renderTableDetail(table: TablePlan, budget: number, location: string): string {
  const counts = `+${table.creates.length} ~${table.updates.length} −${table.deletes.length}`;
  const open = `<details${table.deletes.length > 0 || table.blocked.length > 0 || table.tombstone ? ' open' : ''}><summary><b>${htmlText(table.name)}</b> · ${counts} · ${htmlText(table.file)}</summary>\n\n`;
  const close = '\n</details>\n';
  // Lines are produced lazily: a 100,000-row table shows a few hundred of them.
  const sections: Array<{ title: string; header: string; count: number; lines: () => Iterable<string> }> = [];
  if (table.schemaChanges.length > 0) {
    sections.push({
      title: '**Schema**',
      header: '| change | column | type |\n| --- | --- | --- |',
      count: table.schemaChanges.length,
      lines: () =>
        table.schemaChanges.map((change) =>
          change.kind === 'create-table'
            ? `| create table | ${change.columns} columns | |`
            : change.kind === 'delete-table'
              ? `| **DELETE TABLE** | ${change.rows} rows | |`
              : `| add column | ${markdownCode(change.column)} | ${change.type} |`,
        ),
    });
  }
  if (table.deletes.length > 0) {
    sections.push({
      title: `**🗑️ Deleted (${table.deletes.length})**`,
      header: '| key | row as it is now |\n| --- | --- |',
      count: table.deletes.length,
      lines: () =>
        mapLazily(table.deletes, (item) => `| ${markdownCode(item.key)} | ${rowSummary(item.row)} |`),
    });
  }
  if (table.updates.length > 0) {
    sections.push({
      title: `**Updated (${table.updates.length})**`,
      header: '| key | column | before | after |\n| --- | --- | --- | --- |',
      count: table.updates.reduce((sum, update) => sum + update.cells.length, 0),
      lines: function* () {
        for (const update of table.updates) {
          for (const [index, cell] of update.cells.entries()) {
            yield `| ${index === 0 ? markdownCode(update.key) : ''} | ${markdownCode(cell.column)} | ${markdownValue(cell.before)} | ${markdownValue(cell.after)} |`;
          }
        }
      },
    });
  }
  if (table.creates.length > 0) {
    sections.push({
      title: `**Created (${table.creates.length})**`,
      header: '| key | cells |\n| --- | --- |',
      count: table.creates.length,
      lines: () =>
        mapLazily(table.creates, (item) => `| ${markdownCode(item.key)} | ${rowSummary(item.row)} |`),
    });
  }
  const prediction = `\n_About ${table.prediction.calls} API calls (~${formatDuration(table.prediction.seconds)}) with ${table.prediction.strategy === 'import' ? 'a CSV import job' : 'row calls'}._\n`;

  // Reserve room for the wrapper, the prediction and a "not shown" note in each section.
  const reserve = open.length + close.length + prediction.length + sections.length * 120;
  let room = budget - reserve;
  const parts: string[] = [];
  for (const section of sections) {
    const intro = `${section.title}\n\n${section.header}\n`;
    if (room < intro.length + 50) {
      parts.push(`${section.title}: ${section.count} lines not shown; see ${location}.\n\n`);
      continue;
    }
    room -= intro.length;
    let shown = 0;
    const lines: string[] = [];
    for (const line of section.lines()) {
      if (line.length + 1 > room) break;
      lines.push(line);
      room -= line.length + 1;
      shown += 1;
    }
    const rest = section.count - shown;
    parts.push(
      `${intro}${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${rest > 0 ? `\n_…and ${rest} more lines; see ${location}._\n` : ''}\n`,
    );
  }
  const block = `${open}${parts.join('')}${prediction}${close}`;
  return block.length <= budget ? block : '';
}

function rowSummary(row: Row): string {
  const cells = Object.entries(row).filter(([column]) => column !== 'key');
  if (cells.length === 0) return '<i>(defaults)</i>';
  const text = cells
    .map(([column, value]) => `${markdownCode(column)}: ${markdownValue(value, 60)}`)
    .join(', ');
  return text.length > 600 ? `${text.slice(0, text.lastIndexOf(', ', 600))}, …` : text;
}

function* mapLazily<T>(items: readonly T[], render: (item: T) => string): Iterable<string> {
  for (const item of items) yield render(item);
}

function capped(lines: string[], max: number, more: (count: number) => string): string[] {
  return lines.length <= max ? lines : [...lines.slice(0, max), more(lines.length - max)];
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Prose from the config (table names, messages): markup, mentions and references neutralised. */
function escapeText(text: string): string {
  return htmlText(text).replace(/([\\`*_[\]|~])/g, '\\$1');
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** A last guard: should the estimate above ever be off, cut at a line and say so. */
function fitTo(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = '\n\n_The plan was cut to fit in a comment; the full plan is in the job summary._\n';
  const cut = text.lastIndexOf('\n', limit - note.length);
  return `${text.slice(0, cut)}${note}`;
}
