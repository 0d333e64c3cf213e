// Runs every shell command README.md shows, as a reader would type them, so that the front page
// cannot go stale. It fails when a command exits with an error (naming README.md:line), and
// when a code block is neither run nor marked as something else.
//
// What counts:
// - A fenced block marked `sh`, `bash` or `shell` is commands: each line (with its `\`
//   continuations) is one command. They run in order in one bash session, so exports and
//   background jobs carry over from block to block, as in a reader's terminal. They run in a
//   scratch directory (.tmp/readme-commands) that links the repository's package.json,
//   node_modules, dist, examples, schema and action.yml: a clone, whose own files the commands
//   cannot change.
// - Any other fenced block must follow a line `<!-- docs-check: not a command (why) -->`.
//
// The only differences from what a reader runs (the substitution rules):
// 1. `npm ci` and `npm test` are not run a second time: .ci/run runs both before this check
//    (and this script fails if .ci/run stops doing so).
// 2. Port 8080 becomes a free port, so that CI never clashes with a port in use.
// 3. In the section "Your first real org in 15 minutes", after each command that sets or unsets
//    a GENESYSCLOUD_ variable, the connection is pointed at a stand-in org: an emulator this
//    script starts with examples/live/plugin_config_production.json (GENESYSCLOUD_API_URL and
//    the emulator's OAuth client). A GENESYSCLOUD_REGION it sets must be a region the CLI knows.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { ROOT, regionDomains } from './docs-blocks.mjs';

const README = 'README.md';
const SHELLS = new Set(['sh', 'bash', 'shell']);
const SKIP_MARK = /^<!-- docs-check: not a command \(.+\) -->$/;
const REAL_ORG_SECTION = /^## Your first real org/;
const LINKED = ['package.json', 'node_modules', 'dist', 'examples', 'schema', 'action.yml'];
const TIME_LIMIT_MS = 5 * 60_000;

/** The README's commands with their line numbers and sections, and the blocks nobody checks. */
function readCommands(text) {
  const lines = text.split('\n');
  const commands = [];
  const unchecked = [];
  let section = '';
  for (let index = 0; index < lines.length; index++) {
    if (/^## /.test(lines[index])) section = lines[index];
    const fence = /^(```+|~~~+)\s*([\w-]*)/.exec(lines[index]);
    if (!fence) continue;
    const start = index;
    const body = [];
    for (index++; index < lines.length && !lines[index].startsWith(fence[1]); index++)
      body.push({ text: lines[index], line: index + 1 });
    if (!SHELLS.has(fence[2])) {
      const before =
        lines
          .slice(0, start)
          .filter((line) => line.trim() !== '')
          .at(-1) ?? '';
      if (!SKIP_MARK.test(before.trim())) unchecked.push(start + 1);
      continue;
    }
    let pending;
    for (const { text: line, line: number } of body) {
      if (!pending && (line.trim() === '' || line.trim().startsWith('#'))) continue;
      pending = pending
        ? { ...pending, text: `${pending.text}\n${line}` }
        : { text: line, line: number, section };
      if (line.endsWith('\\')) continue;
      commands.push(pending);
      pending = undefined;
    }
  }
  return { commands, unchecked };
}

const freePort = () =>
  new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });

/** The stand-in org of rule 3: an emulator on a free port, until this script ends. */
function startStandIn(cwd) {
  const child = spawn(
    process.execPath,
    [
      resolve(ROOT, 'dist/cli.js'),
      'emulator',
      '--json',
      '--load',
      'examples/live/plugin_config_production.json',
    ],
    { cwd, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout }).once('line', (line) => done({ child, ...JSON.parse(line) }));
    child.once('exit', (code) => fail(new Error(`the stand-in emulator exited (${code})`)));
  });
}

const quote = (text) => `'${text.replace(/'/g, `'\\''`)}'`;

async function main() {
  const { commands, unchecked } = readCommands(await readFile(resolve(ROOT, README), 'utf8'));
  const problems = unchecked.map(
    (line) =>
      `${README}:${line}: a code block that is not run; mark it <!-- docs-check: not a command (why) -->`,
  );
  const ci = await readFile(resolve(ROOT, '.ci/run'), 'utf8');
  for (const step of ['npm ci', 'npm test'])
    if (!new RegExp(`^${step}\\b`, 'm').test(ci)) problems.push(`.ci/run no longer runs "${step}" (rule 1)`);
  const regions = await regionDomains();
  for (const { text, line } of commands)
    for (const [, region] of text.matchAll(/GENESYSCLOUD_REGION=['"]?([\w-]+)/g))
      if (!regions.has(region.toLowerCase().replace(/-/g, '_')))
        problems.push(`${README}:${line}: "${region}" is not a region the CLI knows`);
  if (commands.length === 0) problems.push(`${README} shows no shell commands: is this the right file?`);
  if (problems.length > 0) return fail(problems);

  const cwd = resolve(ROOT, '.tmp/readme-commands');
  await rm(cwd, { recursive: true, force: true });
  await mkdir(cwd, { recursive: true });
  for (const name of LINKED) await symlink(resolve(ROOT, name), resolve(cwd, name));
  const standIn = await startStandIn(cwd);
  const port = String(await freePort());
  const repoint = `export GENESYSCLOUD_API_URL=${standIn.url} GENESYSCLOUD_OAUTHCLIENT_ID=${standIn.clientId} GENESYSCLOUD_OAUTHCLIENT_SECRET=${standIn.clientSecret}`;
  const script = [
    'npm() { case "$1" in ci | test) echo "(npm $1: .ci/run runs it before this check)"; return 0 ;; esac; command npm "$@"; }',
    ...commands.flatMap(({ text, line, section }) => {
      const command = text.replace(/\b8080\b/g, port);
      const standsIn = REAL_ORG_SECTION.test(section) && /GENESYSCLOUD_/.test(command);
      return [
        `echo ${quote(`$ ${text}`)}`,
        command,
        `rc=$?; if [ "$rc" -ne 0 ]; then echo ${quote(`${README}:${line}: this command failed`)}" (exit code $rc)" >&2; exit 1; fi`,
        ...(standsIn ? [repoint] : []),
      ];
    }),
    'echo "every command of README.md ran"',
  ].join('\n');
  await writeFile(resolve(cwd, 'readme-commands.sh'), `${script}\n`);

  const run = spawn('bash', ['readme-commands.sh'], { cwd, stdio: 'inherit', detached: true });
  const timer = setTimeout(() => {
    console.error(`${README}: the commands took longer than ${TIME_LIMIT_MS / 60_000} minutes`);
    process.kill(-run.pid, 'SIGTERM');
  }, TIME_LIMIT_MS);
  const code = await new Promise((done) => run.once('exit', (exitCode) => done(exitCode ?? 1)));
  clearTimeout(timer);
  // Whatever the commands left running (a background emulator after a failure) goes too.
  try {
    process.kill(-run.pid, 'SIGTERM');
  } catch {
    // The group has ended already.
  }
  standIn.child.kill('SIGTERM');
  if (code !== 0) process.exitCode = 1;
}

function fail(problems) {
  for (const problem of problems) console.error(problem);
  process.exitCode = 1;
}

await main();
