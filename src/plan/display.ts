import { detectSensitive, maskValue } from '../config/guard.js';
import type { CellValue } from '../genesys/types.js';

/**
 * A cell value as a person should see it in a plan: values the secret guard would flag are
 * masked (whatever their source: live rows can hold anything), long values are shortened, and
 * "not set" and "empty" are said in words.
 */
export function displayValue(value: CellValue | null | undefined, maxLength = 120): string {
  if (value === null || value === undefined) return '(not set)';
  if (typeof value !== 'string') return String(value);
  if (value === '') return '(empty)';
  if (detectSensitive(value).length > 0) return `(masked: ${maskValue(value)})`;
  const characters = [...value];
  return characters.length > maxLength
    ? `${characters.slice(0, maxLength).join('')}…(${characters.length} characters)`
    : value;
}

const CODE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '@': '&#64;',
  '#': '&#35;',
  '`': '&#96;',
  '\\': '&#92;',
  '\n': '⏎',
  '\r': '',
};

/**
 * Text safe inside a GitHub markdown table cell as inline code: HTML-escaped (so no markup or
 * HTML gets through), pipes escaped (so the table holds), `@` and `#` escaped (so no one is
 * mentioned and no issue is linked), newlines shown as ⏎. One pass, so no escape is escaped.
 */
export function markdownCode(text: string): string {
  return `<code>${text.replace(/[&<>|@#`\\\r\n]/g, (char) => CODE_ESCAPES[char]!)}</code>`;
}

/** Text for HTML contexts (summaries): escaped, with mentions and references neutralised. */
export function htmlText(text: string): string {
  return text.replace(/[&<>@#]/g, (char) => CODE_ESCAPES[char]!);
}

/** A value for a markdown table cell: masked, shortened, escaped. */
export function markdownValue(value: CellValue | null | undefined, maxLength = 120): string {
  if (value === null || value === undefined || value === '') return `<i>${displayValue(value)}</i>`;
  return markdownCode(displayValue(value, maxLength));
}

/** What a tombstone does to its table, in the words both plan renderings use. */
export function tombstoneText(table: {
  readonly name: string;
  readonly schemaChanges: readonly { readonly kind: string; readonly rows?: number }[];
}): string {
  const deleted = table.schemaChanges.find((change) => change.kind === 'delete-table');
  if (!deleted) return `already gone: no table ${table.name} exists, nothing to delete`;
  const rows = deleted.rows ?? 0;
  return `DELETE TABLE ${table.name} (${rows} row${rows === 1 ? '' : 's'})`;
}
