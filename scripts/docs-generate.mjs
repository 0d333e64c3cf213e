// Keeps docs/cli.md and the README's region table true to the code: the CLI reference is each
// command's own --help, as the committed bundle (dist/cli.js) prints it, and the region table
// comes from src/genesys/regions.ts. It also holds the CLI to "every command takes --help": a
// command whose --help does not print its usage, or that docs/cli.md does not show, fails.
// `--write` updates the pages; without it the script only checks (CI).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT, blockNames, regionDomains, replaceBlock, syncFiles } from './docs-blocks.mjs';

const CLI = resolve(ROOT, 'dist/cli.js');
const help = (...args) =>
  execFileSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });

const overview = help('--help');
const commands = [...overview.matchAll(/^ {2}([a-z][\w-]*) {2,}/gm)].map((match) => match[1]);
if (commands.length === 0) throw new Error('dist/cli.js --help lists no commands');
const problems = [];
const helpOf = new Map([['overview', overview]]);
for (const command of commands) {
  const text = help(command, '--help');
  if (!text.startsWith(`Usage: datatable-deploy ${command}`))
    problems.push(`"datatable-deploy ${command} --help" does not print its usage`);
  helpOf.set(command, text);
}

/** The region table: the CLI's names and the hosts they reach. */
async function regionTable() {
  return [
    '| region (`GENESYSCLOUD_REGION`) | API host | login host |',
    '| --- | --- | --- |',
    ...[...(await regionDomains())].map(
      ([name, domain]) => `| \`${name.replace(/_/g, '-')}\` | \`api.${domain}\` | \`login.${domain}\` |`,
    ),
  ].join('\n');
}

function cliPage(text, path) {
  const shown = blockNames(text, /^cli-help:/).map((name) => name.slice('cli-help:'.length));
  for (const command of commands)
    if (!shown.includes(command)) problems.push(`${path} has no <!-- cli-help:${command}:start --> block`);
  for (const name of shown)
    if (!helpOf.has(name)) problems.push(`${path} shows cli-help:${name}, which the CLI does not list`);
  return shown
    .filter((name) => helpOf.has(name))
    .reduce(
      (page, name) =>
        replaceBlock(page, `cli-help:${name}`, `\`\`\`text\n${helpOf.get(name).trimEnd()}\n\`\`\``, path),
      text,
    );
}

const table = await regionTable();
const cliFresh = await syncFiles(['docs/cli.md'], cliPage, 'npm run docs');
const regionsFresh = await syncFiles(
  ['README.md'],
  (text, path) => replaceBlock(text, 'regions', table, path),
  'npm run docs',
);
for (const problem of problems) console.error(problem);
if (!cliFresh || !regionsFresh || problems.length > 0) process.exit(1);
console.log(
  `docs/cli.md shows the --help of all ${commands.length} commands; the README's region table matches`,
);
