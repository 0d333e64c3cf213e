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
for (const bundle of bundles) {
  const { code, assets } = await ncc(resolve(root, bundle.input), {
    cache: false,
    license: 'licenses.txt',
    target: 'es2022',
    quiet: true,
  });
  const unexpected = Object.keys(assets).filter((name) => name !== 'licenses.txt' && name !== 'package.json');
  if (unexpected.length > 0) throw new Error(`${bundle.input}: unexpected assets ${unexpected.join(', ')}`);
  const text = code.startsWith('#!') || !bundle.executable ? code : `#!/usr/bin/env node\n${code}`;
  await writeFile(resolve(dist, bundle.output), text);
  if (bundle.executable) await chmod(resolve(dist, bundle.output), 0o755);
  const license = assets['licenses.txt']?.source.toString() ?? '';
  for (const block of license.split(/\n\n(?=\S+\n)/)) if (block.trim()) licenses.add(block.trim());
}
await writeFile(resolve(dist, 'licenses.txt'), [...licenses].sort().join('\n\n') + '\n');
await writeFile(resolve(dist, 'package.json'), '{ "type": "module" }\n');
console.log(`built ${bundles.map((bundle) => `dist/${bundle.output}`).join(', ')}`);
