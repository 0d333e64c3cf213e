// Keeps docs/architecture.md true to the source tree: every folder and file under src/ is
// named on the page (a folder written as `name/` covers the files in it only when they sit in a
// sub-folder, such as src/emulator/routes/), every file the page names under src/ exists, and
// every error class src/errors.ts exports is named. A new file, a rename or a new error class
// then fails CI until the page says what it is.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './docs-blocks.mjs';

const PAGE = 'docs/architecture.md';
const page = readFileSync(resolve(ROOT, PAGE), 'utf8');
const problems = [];

/** Files under dir (relative to the root), and the sub-folders two levels down and deeper. */
function walk(dir, depth = 0, files = [], deepFolders = []) {
  for (const entry of readdirSync(resolve(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth >= 1) deepFolders.push(path);
      walk(path, depth + 1, files, deepFolders);
    } else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return { files, deepFolders };
}

const mentioned = (text, word) =>
  new RegExp(`(^|[\\s\`(/])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[\\s\`),:;]|$)`, 'm').test(text);

/** The layout block's lines under each `src/<folder>/` heading line, by folder. */
const layout = /^## Source layout\n[\s\S]*?^```\n([\s\S]*?)^```/m.exec(page)?.[1] ?? '';
const sections = new Map();
let current = '';
for (const line of layout.split('\n')) {
  const heading = /^(src\/[\w-]+)\//.exec(line);
  if (heading) current = heading[1];
  else if (/^\S/.test(line)) current = '';
  if (current) sections.set(current, `${sections.get(current) ?? ''}${line}\n`);
}
if (!layout) problems.push('has no "## Source layout" code block');

const { files, deepFolders } = walk('src');
for (const folder of readdirSync(resolve(ROOT, 'src'), { withFileTypes: true }).filter((e) =>
  e.isDirectory(),
))
  if (!sections.has(`src/${folder.name}`))
    problems.push(`the folder src/${folder.name}/ has no section in the layout`);
for (const file of files) {
  const parts = file.split('/');
  if (parts.length === 2) {
    if (!mentioned(layout, file)) problems.push(`${file} is not named in the layout`);
    continue;
  }
  const section = sections.get(`src/${parts[1]}`) ?? '';
  const deep = deepFolders.find((folder) => file.startsWith(`${folder}/`));
  const name = deep ? `${deep.split('/').pop()}/` : parts.at(-1);
  if (!mentioned(section, name))
    problems.push(`${deep ? `${deep}/` : file} is not named in the section of src/${parts[1]}/`);
}
for (const [folder, text] of sections)
  for (const [, name] of text.matchAll(/(?:^|[\s`(])([\w./-]+\.ts)(?=[\s`),:;]|$)/gm))
    if (!files.includes(`${folder}/${name}`)) problems.push(`${folder}/${name} is named but does not exist`);
const errors = readFileSync(resolve(ROOT, 'src/errors.ts'), 'utf8');
for (const [, name] of errors.matchAll(/^export class (\w+)/gm))
  if (!mentioned(page, name)) problems.push(`the error class ${name} (src/errors.ts) is not named`);

for (const problem of problems) console.error(`${PAGE}: ${problem}`);
if (problems.length > 0) {
  console.error(
    `${PAGE} is out of date with src/: say what each new file does, drop the ones that are gone.`,
  );
  process.exit(1);
}
console.log(`${PAGE} names all ${files.length} files under src/ and every error class`);
