// Keeps docs/action.md and docs/policy.md true to their sources: the inputs and outputs tables
// come from action.yml, the example workflows from examples/workflows/, the policy file
// reference from its JSON Schema. `--write` updates the pages; without it the script only
// checks, and fails (CI) when a page is out of date.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { ROOT, blockNames, cell, replaceBlock, syncFiles } from './docs-blocks.mjs';

const action = parse(await readFile(resolve(ROOT, 'action.yml'), 'utf8'));

const inputs = [
  '| input | default | description |',
  '| --- | --- | --- |',
  ...Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.default !== undefined ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`,
  ),
].join('\n');
const outputs = [
  '| output | description |',
  '| --- | --- |',
  ...Object.entries(action.outputs).map(([name, output]) => `| \`${name}\` | ${cell(output.description)} |`),
].join('\n');

const policySchema = JSON.parse(await readFile(resolve(ROOT, 'schema/datatable-policy.schema.json'), 'utf8'));

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

async function actionPage(text, path) {
  let page = replaceBlock(text, 'action-inputs', inputs, path);
  page = replaceBlock(page, 'action-outputs', outputs, path);
  for (const name of blockNames(text, /^example:/)) {
    const file = name.slice('example:'.length);
    const workflow = await readFile(resolve(ROOT, 'examples/workflows', file), 'utf8');
    page = replaceBlock(page, name, `\`\`\`yaml\n${workflow.trimEnd()}\n\`\`\``, path);
  }
  return page;
}

const actionFresh = await syncFiles(['docs/action.md'], actionPage, 'npm run docs');
const policyFresh = await syncFiles(
  ['docs/policy.md'],
  (text, path) => replaceBlock(text, 'policy-reference', policyReference, path),
  'npm run docs',
);
if (!actionFresh || !policyFresh) process.exit(1);
console.log('docs/action.md and docs/policy.md match action.yml, examples/workflows/ and the policy schema');
