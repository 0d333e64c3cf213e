// Bundles the action (dist/index.js), the CLI (dist/cli.js) and the runtime reader
// (dist/runtime/index.js, with its type declarations) with ncc, so that the action and the CLI
// run with no node_modules. The output is committed; CI rebuilds it and fails when it differs.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';

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
  { input: 'src/index.ts', output: 'index.js', lazy: ['@actions/artifact'] },
  { input: 'src/cli.ts', output: 'cli.js', executable: true, lazy: ['./runtime/relay.js', 'redis'] },
  {
    input: 'src/runtime/index.ts',
    output: 'runtime/index.js',
    lazy: ['./runtime/redis.js', './runtime/genesys-source.js'],
  },
];

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const licenses = new Set();
const written = new Set();
for (const bundle of bundles) {
  const options = { cache: false, license: 'licenses.txt', target: 'es2022', quiet: true };
  const { code, assets } = await ncc(resolve(root, bundle.input), {
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
  const license =
    chunks.length > 0
      ? await licensesWithChunks(bundle, options)
      : (assets['licenses.txt']?.source.toString() ?? '');
  for (const block of license.split(/\n\n(?=\S+\n)/)) if (block.trim()) licenses.add(block.trim());
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
await writeFile(resolve(dist, 'package.json'), '{ "type": "module" }\n');
console.log(`built ${bundles.map((bundle) => `dist/${bundle.output}`).join(', ')}, dist/runtime/types/`);
