import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { CellValue, ColumnType, Row, TableSchema } from './types.js';

/**
 * The CSV form of a data table used by import and export jobs: UTF-8, a header row of field ids
 * with `key` first, booleans as `true`/`false`, an empty cell for "not set" (the service then
 * fills the column's default). Quoting and escaping follow RFC 4180 (csv-parse / csv-stringify).
 */

/** Field ids in display order: `key` first, then by `displayOrder`, then in schema order. */
export function columnOrder(schema: TableSchema): string[] {
  const others = Object.entries(schema.properties)
    .filter(([name]) => name !== 'key')
    // Array.prototype.sort is stable, so columns without displayOrder keep the schema's order.
    .sort(([, left], [, right]) => (left.displayOrder ?? Infinity) - (right.displayOrder ?? Infinity) || 0)
    .map(([name]) => name);
  return ['key', ...others];
}

export function rowsToCsv(rows: readonly Row[], schema: TableSchema): string {
  const columns = columnOrder(schema);
  const records = rows.map((row) => columns.map((column) => formatCell(row[column])));
  return stringify([columns, ...records]);
}

function formatCell(value: CellValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

export interface CsvRowFailure {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  key?: string | undefined;
  message: string;
}

export interface ParsedCsv {
  rows: Row[];
  failures: CsvRowFailure[];
}

/** Thrown when the file as a whole cannot be read as a data-table CSV. */
export class CsvFormatError extends Error {}

/**
 * Reads a data-table CSV against the table's schema. Cells are converted to the column types;
 * a record with a bad cell is reported in `failures` and left out, as the service does with
 * per-row import failures. Unknown columns or a missing `key` column fail the whole file.
 */
export function csvToRows(text: string, schema: TableSchema): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    throw new CsvFormatError(`the CSV cannot be parsed: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], failures: [] };
  if (!header.includes('key')) throw new CsvFormatError('the CSV header has no "key" column');
  const unknown = header.filter((name) => !(name in schema.properties));
  if (unknown.length > 0)
    throw new CsvFormatError(`the CSV header names unknown columns: ${unknown.join(', ')}`);

  const rows: Row[] = [];
  const failures: CsvRowFailure[] = [];
  data.forEach((record, index) => {
    const line = index + 2;
    const row: Row = {};
    let failure: string | undefined;
    header.forEach((column, position) => {
      const cell = record[position] ?? '';
      if (cell === '' && column !== 'key') return;
      const parsed = parseCell(schema.properties[column]!.type, cell);
      if (parsed.ok) row[column] = parsed.value;
      else failure ??= `column "${column}": ${parsed.message}`;
    });
    if (failure) failures.push({ line, key: record[header.indexOf('key')], message: failure });
    else rows.push(row);
  });
  return { rows, failures };
}

export type ParsedCell = { ok: true; value: CellValue } | { ok: false; message: string };

/** Converts CSV text to a typed cell value. */
export function parseCell(type: ColumnType, text: string): ParsedCell {
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'boolean': {
      const lowered = text.trim().toLowerCase();
      if (lowered === 'true' || lowered === 'false') return { ok: true, value: lowered === 'true' };
      return { ok: false, message: `"${text}" is not true or false` };
    }
    case 'integer': {
      const trimmed = text.trim();
      if (/^[-+]?\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)))
        return { ok: true, value: Number(trimmed) };
      return { ok: false, message: `"${text}" is not an integer` };
    }
    case 'number': {
      const trimmed = text.trim();
      const value = Number(trimmed);
      if (trimmed !== '' && Number.isFinite(value)) return { ok: true, value };
      return { ok: false, message: `"${text}" is not a number` };
    }
  }
}
