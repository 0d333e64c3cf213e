// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc, so that both run with
// no node_modules. The output is committed; CI rebuilds it and fails when it differs.
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const ncc = createRequire(import.meta.url)('@vercel/ncc');
const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');

const bundles = [
  { input: 'src/index.ts', output: 'index.js' },
  { input: 'src/cli.ts', output: 'cli.js', executable: true },
];

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const licenses = new Set();
const written = new Set();
for (const bundle of bundles) {
  const { code, assets } = await ncc(resolve(root, bundle.input), {
    cache: false,
    license: 'licenses.txt',
    target: 'es2022',
    quiet: true,
  });
  // Chunks are what a dynamic import() became: code a run loads only when it needs it.
  const chunks = Object.keys(assets).filter((name) => /^\d+\.index\.js$/.test(name));
  const unexpected = Object.keys(assets).filter(
    (name) => name !== 'licenses.txt' && name !== 'package.json' && !chunks.includes(name),
  );
  if (unexpected.length > 0) throw new Error(`${bundle.input}: unexpected assets ${unexpected.join(', ')}`);
  for (const name of chunks) {
    if (written.has(name)) throw new Error(`${bundle.input}: chunk ${name} would overwrite another bundle's`);
    written.add(name);
    await writeFile(resolve(dist, name), assets[name].source);
  }
  const text = code.startsWith('#!') || !bundle.executable ? code : `#!/usr/bin/env node\n${code}`;
  await writeFile(resolve(dist, bundle.output), text);
  if (bundle.executable) await chmod(resolve(dist, bundle.output), 0o755);
  const license =
    chunks.length > 0
      ? await licensesWithChunks(bundle.input)
      : (assets['licenses.txt']?.source.toString() ?? '');
  for (const block of license.split(/\n\n(?=\S+\n)/)) if (block.trim()) licenses.add(block.trim());
}
/**
 * ncc's license file of a split bundle lists only the chunk's packages. The notices of every
 * package in the bundle come from a second, unsplit build of the same code (its output is
 * dropped): an entry that imports the lazily loaded package statically keeps it in one chunk.
 */
async function licensesWithChunks(input) {
  const entry = resolve(root, 'src', '.licenses-entry.ts');
  await writeFile(entry, `import './${input.replace(/^src\//, '').replace(/\.ts$/, '.js')}';\nimport '@actions/artifact';\n`);
  try {
    const { assets } = await ncc(entry, { cache: false, license: 'licenses.txt', target: 'es2022', quiet: true });
    return assets['licenses.txt']?.source.toString() ?? '';
  } finally {
    await rm(entry, { force: true });
  }
}

await writeFile(resolve(dist, 'licenses.txt'), [...licenses].sort().join('\n\n') + '\n');
await writeFile(resolve(dist, 'package.json'), '{ "type": "module" }\n');
console.log(`built ${bundles.map((bundle) => `dist/${bundle.output}`).join(', ')}`);
