import { describe, expect, it } from 'vitest';
import { columnOrder, CsvFormatError, csvToRows, parseCell, rowsToCsv } from '../../src/genesys/csv.js';
import type { TableSchema } from '../../src/genesys/types.js';

const schema: TableSchema = {
  type: 'object',
  required: ['key'],
  additionalProperties: false,
  properties: {
    flag: { type: 'boolean', displayOrder: 2 },
    key: { type: 'string', displayOrder: 0 },
    text: { type: 'string', displayOrder: 1 },
    n: { type: 'integer' },
    x: { type: 'number' },
  },
};

describe('data-table CSV', () => {
  it('orders columns key first, then displayOrder, then schema order', () => {
    expect(columnOrder(schema)).toEqual(['key', 'text', 'flag', 'n', 'x']);
  });

  it('round-trips quotes, commas, newlines, unicode and every type', () => {
    const rows = [
      { key: 'a,b', text: 'say "hi"\nthen go', flag: true, n: -12, x: 3.25 },
      { key: 'ünï', text: '', flag: false, n: 0, x: 1e-9 },
    ];
    const csv = rowsToCsv(rows, schema);
    expect(csv.split('\n')[0]).toBe('key,text,flag,n,x');
    const parsed = csvToRows(csv, schema);
    expect(parsed.failures).toEqual([]);
    // An empty cell means "not set": the service fills the default.
    expect(parsed.rows).toEqual([rows[0], { key: 'ünï', flag: false, n: 0, x: 1e-9 }]);
  });

  it('reports bad cells per record with the line and key, keeping the good records', () => {
    const parsed = csvToRows('key,n,flag\na,1,true\nb,1.5,true\nc,2,maybe\nd,3,FALSE\n', schema);
    expect(parsed.rows).toEqual([
      { key: 'a', n: 1, flag: true },
      { key: 'd', n: 3, flag: false },
    ]);
    expect(parsed.failures).toEqual([
      { line: 3, key: 'b', message: 'column "n": "1.5" is not an integer' },
      { line: 4, key: 'c', message: 'column "flag": "maybe" is not true or false' },
    ]);
  });

  it('strips a byte-order mark and fails the whole file for a missing key column, unknown columns or broken quoting', () => {
    expect(csvToRows('\uFEFFkey\nk\n', schema).rows).toEqual([{ key: 'k' }]);
    expect(() => csvToRows('text\nx\n', schema)).toThrow(CsvFormatError);
    expect(() => csvToRows('key,colour\nk,red\n', schema)).toThrow(/unknown columns: colour/);
    expect(() => csvToRows('key,text\nk,"unclosed\n', schema)).toThrow(/cannot be parsed/);
    expect(csvToRows('', schema)).toEqual({ rows: [], failures: [] });
  });

  it('parses cells strictly', () => {
    expect(parseCell('integer', '12')).toEqual({ ok: true, value: 12 });
    expect(parseCell('integer', '9007199254740993').ok).toBe(false);
    expect(parseCell('number', '-1.5e3')).toEqual({ ok: true, value: -1500 });
    expect(parseCell('number', 'NaN').ok).toBe(false);
    expect(parseCell('number', 'Infinity').ok).toBe(false);
    expect(parseCell('boolean', 'True')).toEqual({ ok: true, value: true });
    expect(parseCell('boolean', '1').ok).toBe(false);
    expect(parseCell('string', ' padded ')).toEqual({ ok: true, value: ' padded ' });
  });
});
