// Generated blocks in the docs: text between `<!-- NAME:start -->` and `<!-- NAME:end -->` that a
// script writes from a source of truth (action.yml, a schema, the CLI's --help). Each generator
// computes the pages as they should be; `--write` saves them, otherwise they are only compared
// and a difference fails (CI), naming the command that brings them up to date.
import { readFile, writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');

/** `text` with the content between the markers of `name` replaced by `content`. */
export function replaceBlock(text, name, content, file) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}\n${content.trimEnd()}\n${text.slice(to)}`;
}

/** The names of every generated block in `text` whose name matches `pattern`. */
export function blockNames(text, pattern) {
  return [...text.matchAll(/<!-- ([\w.:-]+):start -->/g)].map((m) => m[1]).filter((n) => pattern.test(n));
}

/**
 * Applies `edit(text, path)` to each file and saves or checks the result. Returns false (and
 * says so on stderr) when a file is out of date and `--write` was not given.
 */
export async function syncFiles(paths, edit, fix) {
  const write = process.argv.includes('--write');
  let fresh = true;
  for (const path of paths) {
    const file = resolve(ROOT, path);
    const before = await readFile(file, 'utf8');
    const after = await edit(before, path);
    if (after === before) continue;
    if (write) {
      await writeFile(file, after);
      console.log(`${relative(ROOT, file)}: updated`);
    } else {
      console.error(`${relative(ROOT, file)} is out of date: run "${fix}" and commit it.`);
      fresh = false;
    }
  }
  return fresh;
}

/** A value for a Markdown table cell. */
export const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

/** The regions the CLI knows and their domains, as src/genesys/regions.ts lists them. */
export async function regionDomains() {
  const source = await readFile(resolve(ROOT, 'src/genesys/regions.ts'), 'utf8');
  const body = /REGION_DOMAINS[^{]*\{([^}]*)\}/.exec(source)?.[1];
  const regions = [...(body ?? '').matchAll(/(\w+): '([^']+)'/g)].map(([, name, domain]) => [name, domain]);
  if (regions.length === 0) throw new Error('src/genesys/regions.ts: REGION_DOMAINS not found');
  return new Map(regions);
}
