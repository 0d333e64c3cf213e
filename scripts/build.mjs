// Bundles the action (dist/index.js), the CLI (dist/cli.js) and the runtime reader
// (dist/runtime/index.js, with its type declarations) with ncc, so that the action and the CLI
// run with no node_modules. The output is committed; CI rebuilds it and fails when it differs.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');

/**
 * `lazy`: what the bundle loads with import() (a chunk of its own), named for the license
 * build below. The runtime's optional Redis client is not bundled: it is imported with a
 * webpackIgnore comment, from the user's node_modules.
 */
const bundles = [
  {
    name: 'action',
    input: 'src/index.ts',
    output: 'index.js',
    lazy: [
      '@actions/artifact',
      './action/planning.js',
      './action/mode-plan.js',
      './action/mode-deploy.js',
      './action/mode-rollback.js',
      './action/mode-drift.js',
      './action/github.js',
      './genesys/client.js',
    ],
  },
  {
    name: 'CLI',
    input: 'src/cli.ts',
    output: 'cli.js',
    executable: true,
    lazy: ['./runtime/relay.js', 'redis'],
  },
  {
    name: 'runtime reader',
    input: 'src/runtime/index.ts',
    output: 'runtime/index.js',
    lazy: ['./runtime/redis.js', './runtime/genesys-source.js'],
  },
];

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const licenses = new Set();
const written = new Set();
const contents = [];
const options = { cache: false, license: 'licenses.txt', target: 'es2022', quiet: true };
for (const bundle of bundles) {
  const { chunks, license, files } = await writeBundle(bundle);
  contents.push(files);
  const notices = chunks.length > 0 ? await licensesWithChunks(bundle, options) : license;
  for (const block of notices.split(/\n\n(?=\S+\n)/)) if (block.trim()) licenses.add(block.trim());
}

/**
 * Bundles one entry and writes its files. What it returns is read from the build's stats here,
 * so that the stats (the whole compilation) are freed before the next build starts.
 */
async function writeBundle(bundle) {
  const { code, assets, stats } = await ncc(resolve(root, bundle.input), {
    ...options,
    externals: bundle.externals ?? [],
  });
  const directory = dirname(resolve(dist, bundle.output));
  await mkdir(directory, { recursive: true });
  // Chunks are what a dynamic import() became: code a run loads only when it needs it.
  const chunks = Object.keys(assets).filter((name) => /^\d+\.index\.js$/.test(name));
  const unexpected = Object.keys(assets).filter(
    (name) => name !== 'licenses.txt' && name !== 'package.json' && !chunks.includes(name),
  );
  if (unexpected.length > 0) throw new Error(`${bundle.input}: unexpected assets ${unexpected.join(', ')}`);
  for (const name of chunks) {
    const path = resolve(directory, name);
    if (written.has(path)) throw new Error(`${bundle.input}: chunk ${name} would overwrite another bundle's`);
    written.add(path);
    await writeFile(path, assets[name].source);
  }
  const text = code.startsWith('#!') || !bundle.executable ? code : `#!/usr/bin/env node\n${code}`;
  await writeFile(resolve(dist, bundle.output), text);
  if (bundle.executable) await chmod(resolve(dist, bundle.output), 0o755);
  return {
    chunks,
    license: assets['licenses.txt']?.source.toString() ?? '',
    files: await bundleContents(bundle, stats),
  };
}

/**
 * What each file of a bundle holds: its size, whether `node <entry>` loads it at start (the
 * entry chunk) or on demand (an import() chunk), and the bytes of each package's modules in it
 * (`(project)` for this project's sources). scripts/dependency-table.mjs and the action bench
 * read it.
 */
async function bundleContents(bundle, { compilation }) {
  // Read from the compilation's chunk graph: the stats' JSON form of a bundle this size costs
  // gigabytes.
  const prefix = bundle.output.includes('/') ? `${dirname(bundle.output)}/` : '';
  const packageOf = packageNamer();
  const files = [];
  for (const chunk of compilation.chunks) {
    const packages = {};
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      // A concatenated module (ES modules merged into one scope) lists the modules it holds.
      for (const part of module.modules ?? [module]) {
        if (!part.resource) continue; // the bundler's runtime, externals (node:fs, …)
        const owner = packageOf(relative(root, part.resource.replace(/\?.*$/, '')));
        packages[owner] = (packages[owner] ?? 0) + part.size();
      }
    }
    for (const file of chunk.files) {
      const name = file === 'index.js' ? bundle.output : `${prefix}${file}`;
      const bytes = Buffer.byteLength(await readFile(resolve(dist, name)));
      files.push({ file: name, bytes, atStart: chunk.canBeInitial(), packages: sortedByKey(packages) });
    }
  }
  files.sort((a, b) => Number(b.atStart) - Number(a.atStart) || (a.file < b.file ? -1 : 1));
  return { bundle: bundle.name, entry: bundle.output, files };
}

function sortedByKey(object) {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `name@version` of the package a bundled module path belongs to, or `(project)`. */
function packageNamer() {
  const versions = new Map();
  return (path) => {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(path);
    if (!match) return '(project)';
    const [, directory, name] = match;
    if (!versions.has(directory)) {
      versions.set(
        directory,
        JSON.parse(readFileSync(resolve(root, directory, 'package.json'), 'utf8')).version,
      );
    }
    return `${name}@${versions.get(directory)}`;
  };
}

/**
 * ncc's license file of a split bundle lists only the chunk's packages. The notices of every
 * package in the bundle come from a second, unsplit build of the same code (its output is
 * dropped): an entry that imports the lazily loaded modules statically keeps them in one chunk.
 */
async function licensesWithChunks(bundle, options) {
  const entry = resolve(root, 'src', '.licenses-entry.ts');
  const imports = [`./${bundle.input.replace(/^src\//, '').replace(/\.ts$/, '.js')}`, ...bundle.lazy];
  await writeFile(entry, imports.map((name) => `import '${name}';\n`).join(''));
  try {
    const { assets } = await ncc(entry, { ...options, externals: bundle.externals ?? [] });
    return assets['licenses.txt']?.source.toString() ?? '';
  } finally {
    await rm(entry, { force: true });
  }
}

// The runtime reader's type declarations, for `import … from 'datatable-deploy/runtime'`.
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', resolve(root, 'tsconfig.runtime.json')],
  { stdio: 'inherit' },
);

await writeFile(resolve(dist, 'licenses.txt'), [...licenses].sort().join('\n\n') + '\n');
await writeFile(resolve(dist, 'bundle-contents.json'), `${JSON.stringify(contents, null, 2)}\n`);
await writeFile(resolve(dist, 'package.json'), '{ "type": "module" }\n');
console.log(`built ${bundles.map((bundle) => `dist/${bundle.output}`).join(', ')}, dist/runtime/types/`);
