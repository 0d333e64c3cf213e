// Every relative link in README.md and docs/*.md must reach a file of the repository, and a
// link with a #fragment a heading of its target (as GitHub makes anchors from headings).
// Links inside code blocks and inline code are not links; web links are not fetched.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ROOT } from './docs-blocks.mjs';

/** The page's text without fenced code blocks and inline code, line numbers kept. */
function prose(text) {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ''))
    .replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading) {
  return heading
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(file) {
  const seen = new Map();
  const anchors = new Set();
  const text = readFileSync(file, 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of text.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const pages = [
  'README.md',
  ...readdirSync(resolve(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const broken = [];
for (const page of pages) {
  const file = resolve(ROOT, page);
  const lines = prose(readFileSync(file, 'utf8')).split('\n');
  lines.forEach((line, index) => {
    for (const [, target] of line.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
      if (/^[a-z][\w+.-]*:/i.test(target)) continue;
      const [path, fragment] = target.split('#');
      const destination = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
      const where = `${page}:${index + 1}`;
      if (!destination.startsWith(ROOT) || !existsSync(destination)) {
        broken.push(`${where}: ${target}: no such file`);
        continue;
      }
      if (fragment === undefined) continue;
      if (statSync(destination).isDirectory() || !destination.endsWith('.md')) {
        broken.push(`${where}: ${target}: a fragment needs a Markdown page`);
      } else if (!anchorsOf(destination).has(fragment)) {
        broken.push(`${where}: ${target}: ${relative(ROOT, destination)} has no heading #${fragment}`);
      }
    }
  });
}
for (const problem of broken) console.error(problem);
if (broken.length > 0) {
  console.error(`${broken.length} broken link(s): fix the target, or the heading it points to.`);
  process.exit(1);
}
console.log(`every relative link of ${pages.length} pages resolves`);
