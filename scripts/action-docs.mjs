// Keeps the README true to the action: the inputs and outputs table comes from action.yml, the
// policy file reference from its JSON Schema, and the quick-start workflows are the files in
// examples/workflows/. `--write` updates README.md;
// without it the script only checks, and fails (CI) when the README is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..');
const readmePath = resolve(root, 'README.md');
const action = parse(await readFile(resolve(root, 'action.yml'), 'utf8'));
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

const inputs = [
  '| input | default | description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.default !== undefined ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`,
  ),
  '',
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`),
].join('\n');

const policySchema = JSON.parse(await readFile(resolve(root, 'schema/datatable-policy.schema.json'), 'utf8'));

/** One row per setting of a policy section, nested settings as dotted paths. */
function policyRows(properties, prefix) {
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    if (property.type === 'object' && property.properties)
      return [
        `| \`${path}\` | object | ${cell(property.description)} |`,
        ...policyRows(property.properties, `${path}.`),
      ];
    const items = property.items;
    const type =
      property.type === 'array'
        ? `list of ${items?.enum ? items.enum.join(' / ') : items?.type === 'object' ? `{ ${Object.keys(items.properties).join(', ')} }` : 'logins'}`
        : (property.type ?? 'login');
    const pattern = property.pattern && property.type === 'string' ? ` (\`${property.pattern}\`)` : '';
    return [`| \`${path}\` | ${cell(type)}${cell(pattern)} | ${cell(property.description)} |`];
  });
}
const policyReference = [
  '| setting | type | description |',
  '| --- | --- | --- |',
  `| \`version\` | 1 | ${cell(policySchema.properties.version.description)} |`,
  `| \`defaults\` | section | ${cell(policySchema.properties.defaults.description)} |`,
  `| \`environments.<name>\` | section | ${cell(policySchema.properties.environments.description)} |`,
  ...policyRows(policySchema.definitions.section.properties, '<section>.'),
].join('\n');

let readme = await readFile(readmePath, 'utf8');
const original = readme;
readme = replaceBetween(
  readme,
  '<!-- action-inputs:start -->',
  '<!-- action-inputs:end -->',
  `\n${inputs}\n`,
);
readme = replaceBetween(
  readme,
  '<!-- policy-reference:start -->',
  '<!-- policy-reference:end -->',
  `\n${policyReference}\n`,
);
for (const match of original.matchAll(/<!-- example:([\w.-]+) -->/g)) {
  const file = match[1];
  const workflow = await readFile(resolve(root, 'examples/workflows', file), 'utf8');
  readme = replaceBetween(
    readme,
    `<!-- example:${file} -->`,
    `<!-- /example:${file} -->`,
    `\n\`\`\`yaml\n${workflow.trimEnd()}\n\`\`\`\n`,
  );
}

if (process.argv.includes('--write')) {
  await writeFile(readmePath, readme);
  console.log(
    readme === original
      ? 'README.md is up to date'
      : 'README.md updated from action.yml and examples/workflows/',
  );
} else if (readme !== original) {
  console.error(
    'README.md is out of date with action.yml or examples/workflows/: run "npm run docs" and commit it.',
  );
  process.exit(1);
} else {
  console.log('README.md matches action.yml and examples/workflows/');
}

function replaceBetween(text, start, end, content) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < 0 || to < from) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${text.slice(0, from + start.length)}${content}${text.slice(to)}`;
}
