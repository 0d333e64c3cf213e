import { finding, type Finding } from './findings.js';
import type { SourcePosition } from './types.js';

/**
 * A config file's bytes as text, or the finding that refuses them at the exact place: files
 * larger than `maxFileBytes`, binary files (a NUL byte) and files that are not UTF-8. A
 * leading byte-order mark is dropped.
 */
export function decodeConfigBytes(file: string, bytes: Buffer, maxFileBytes: number): string | Finding {
  if (bytes.length > maxFileBytes) {
    return finding(
      'file-too-large',
      file,
      { line: 1, column: 1 },
      `The file is ${bytes.length} bytes; at most ${maxFileBytes} are read.`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return finding(
      'file-binary',
      file,
      positionInBytes(bytes, nul),
      'The file contains a NUL byte: it is not a text file.',
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    return finding(
      'file-encoding',
      file,
      positionInBytes(bytes, offset),
      `The file is not valid UTF-8 (byte 0x${bytes[offset]!.toString(16).padStart(2, '0')}).`,
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Line and column (in characters) of a byte offset, counting only the bytes before it. */
function positionInBytes(bytes: Buffer, offset: number): SourcePosition {
  const before = bytes.subarray(0, offset);
  const lineStart = before.lastIndexOf(0x0a) + 1;
  const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}

/**
 * Offset of the first byte that breaks UTF-8, by the well-formed sequences of the Unicode
 * standard (table 3-7): overlong forms, UTF-16 surrogates (ED A0..BF) and code points above
 * U+10FFFF are ill-formed too, as the decoder that refused the file says.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const [length, secondLow, secondHigh] = utf8Lead(byte);
    if (length === 0) return index;
    for (let next = 1; next < length; next++) {
      const low = next === 1 ? secondLow : 0x80;
      const high = next === 1 ? secondHigh : 0xbf;
      const continuation = bytes[index + next];
      if (continuation === undefined || continuation < low || continuation > high) return index;
    }
    index += length;
  }
  // Unreachable for bytes the decoder refused; the last byte is the best guess.
  return Math.max(0, bytes.length - 1);
}

/** The length of the sequence a lead byte starts (0: not a lead byte) and its second byte's range. */
function utf8Lead(byte: number): [length: number, secondLow: number, secondHigh: number] {
  if (byte < 0x80) return [1, 0, 0];
  if (byte >= 0xc2 && byte <= 0xdf) return [2, 0x80, 0xbf];
  if (byte === 0xe0) return [3, 0xa0, 0xbf];
  if (byte === 0xed) return [3, 0x80, 0x9f];
  if (byte >= 0xe1 && byte <= 0xef) return [3, 0x80, 0xbf];
  if (byte === 0xf0) return [4, 0x90, 0xbf];
  if (byte >= 0xf1 && byte <= 0xf3) return [4, 0x80, 0xbf];
  if (byte === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}
