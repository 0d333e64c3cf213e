import { describe, expect, it } from 'vitest';
import { load } from '../helpers/config.js';

const HEAD = 'table: t\ncolumns:\n  value: { type: string, maxLength: 100000 }\n';

describe('the row size limit', () => {
  const limit = (bytes: number) => `limits: { maxRowBytes: ${bytes} }\n`;
  // {"key":"k","value":"<text>"}: 22 bytes around the text.
  const row = (text: string) => `rows:\n  k: { value: '${text}' }\n`;

  it('counts the row as JSON in UTF-8 bytes, and reports it at the key', () => {
    const accented = 'é'.repeat(10); // 20 bytes in UTF-8
    expect(load(`${HEAD}${limit(42)}${row(accented)}`).findings).toEqual([]);
    const [over] = load(`${HEAD}${limit(41)}${row(accented)}`).findings;
    expect(over).toMatchObject({ rule: 'row-too-large', line: 6, column: 3, key: 'k' });
    expect(over!.message).toBe('Row "k" is 42 bytes as JSON; at most 41 are accepted.');
  });

  it('counts escapes as JSON writes them', () => {
    const text = 'a\\u0001b'; // YAML single quotes keep the backslash: JSON writes it as \\
    const [over] = load(`${HEAD}${limit(30)}${row(text)}`).findings;
    expect(over!.message).toBe('Row "k" is 31 bytes as JSON; at most 30 are accepted.');
    expect(load(`${HEAD}${limit(31)}${row(text)}`).findings).toEqual([]);
  });
});

describe('the key length limit', () => {
  const limit = 'limits: { maxKeyLength: 4 }\n';

  it('counts characters, not UTF-16 units', () => {
    expect(load(`${HEAD}${limit}rows:\n  "😀😀😀😀": {}\n`).findings).toEqual([]);
    const [over] = load(`${HEAD}${limit}rows:\n  "😀😀😀😀😀": {}\n`).findings;
    expect(over).toMatchObject({ rule: 'key-too-long', line: 6, column: 3 });
    expect(over!.message).toBe('The row key is 5 characters long; at most 4 are allowed.');
  });
});
