// The README's dependency table: every npm package bundled into dist/ (and every package.json
// dependency or peer dependency), what it is for, its version and its bundled size per bundle.
//   node scripts/dependency-table.mjs                 prints the table
//   node scripts/dependency-table.mjs --write   puts them between the markers of README.md (one
//                                               row per direct dependency) and docs/dependencies.md
//   node scripts/dependency-table.mjs --check   exits 1 when either is stale
// Sizes come from dist/bundle-contents.json, which `npm run build` writes from the bundler's stats.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const START = '<!-- dependency-table:start -->';
const END = '<!-- dependency-table:end -->';
const PROJECT = '(project)';

/**
 * Why each package the project depends on directly is there. A package bundled only because
 * another one needs it is described by what pulls it in; a new direct dependency needs a line.
 */
const PURPOSE = {
  '@actions/artifact': 'Uploads backups as workflow artifacts and downloads them for rollback.',
  '@actions/core': 'Action inputs, outputs, logging, annotations, secret masking and the job summary.',
  '@actions/github':
    'The authenticated Octokit for plan comments, commit statuses, reviews and the policy file.',
  '@actions/http-client': 'HTTP client of the @actions packages (proxy support).',
  '@octokit/plugin-retry': 'Retries GitHub API calls that fail transiently.',
  '@opentelemetry/api':
    'Optional peer: the runtime reader reports metrics through the application’s own copy; the CLI bundles it as part of `redis`.',
  '@vercel/ncc': 'The bundler’s stand-in for an optional module that is not installed.',
  '@cdktn/hcl2json':
    'Reads `.tf` files for `import terraform` (the maintained fork of the WebAssembly hcl2json; the bundler cannot carry its .wasm).',
  ajv: 'Validates table files and the policy against their JSON Schemas.',
  'ajv-formats': 'The JSON Schema string formats (date, uri, …) for column types.',
  'csv-parse': 'Reads CSV exports of tables.',
  'csv-stringify': 'Writes CSV for import jobs and backups.',
  'p-limit': 'Caps concurrent work (table reads, writes).',
  'purecloud-platform-client-v2':
    'The official Genesys Cloud SDK, for the side-by-side benchmark and its tests only.',
  re2js:
    'Runs the patterns of config and health-check files in linear time, so no pattern can hang a run (pure JavaScript RE2: no native build, unlike `re2`).',
  redis:
    'Optional peer: the runtime reader’s shared Redis tier uses the application’s own copy; the CLI bundles it for `relay`.',
  tinyglobby: 'Expands `--config` globs and directories, on Node 20 too (`fs.glob` needs Node 22).',
  undici:
    'HTTPS_PROXY / NO_PROXY for Genesys requests (its EnvHttpProxyAgent, loaded only when a proxy is set); also the proxy agent of `@actions/http-client`.',
  yaml: 'Parses table and policy files with line and column positions for findings.',
};

const BUNDLE_COLUMNS = [
  { bundle: 'action', atStart: true, title: 'action, at start' },
  { bundle: 'action', atStart: false, title: 'action, on demand' },
  { bundle: 'CLI', title: 'CLI' },
  { bundle: 'runtime reader', title: 'runtime reader' },
];

function readJson(path) {
  return JSON.parse(readFileSync(resolve(root, path), 'utf8'));
}

/** bytes[column][name@version]: each package's bundled bytes per column of the table. */
function bundledBytes(contents) {
  const bytes = BUNDLE_COLUMNS.map(() => new Map());
  const fileBytes = BUNDLE_COLUMNS.map(() => 0);
  BUNDLE_COLUMNS.forEach((column, index) => {
    const bundle = contents.find((entry) => entry.bundle === column.bundle);
    if (!bundle)
      throw new Error(`dist/bundle-contents.json has no "${column.bundle}" bundle: run npm run build.`);
    for (const file of bundle.files) {
      if (column.atStart !== undefined && file.atStart !== column.atStart) continue;
      fileBytes[index] += file.bytes;
      for (const [name, size] of Object.entries(file.packages))
        bytes[index].set(name, (bytes[index].get(name) ?? 0) + size);
    }
  });
  return { bytes, fileBytes };
}

const splitId = (id) => {
  const at = id.lastIndexOf('@');
  return { name: id.slice(0, at), version: id.slice(at + 1) };
};

/** For each package name, the direct dependencies of package.json whose install tree holds it. */
function pulledInBy(pkg, lock) {
  const direct = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies });
  const entries = lock.packages;
  const locate = (from, name) => {
    for (let base = from; ; base = base.replace(/\/?node_modules\/(?:@[^/]+\/)?[^/]+$/, '')) {
      const path = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (entries[path]) return path;
      if (!base) return undefined;
    }
  };
  const owners = new Map();
  for (const top of direct) {
    const start = locate('', top);
    const queue = start ? [start] : [];
    const seen = new Set(queue);
    while (queue.length > 0) {
      const path = queue.shift();
      const entry = entries[path];
      const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path)[1];
      if (packageName !== top) owners.set(packageName, new Set([...(owners.get(packageName) ?? []), top]));
      const wanted = { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies };
      for (const dependency of Object.keys(wanted)) {
        const next = locate(path, dependency);
        if (next && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return owners;
}

function kilobytes(bytes) {
  if (!bytes) return '—';
  if (bytes < 1000) return `${bytes} B`;
  return `${(bytes / 1000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} kB`;
}

/** The markdown table. */
function dependencyTable() {
  const pkg = readJson('package.json');
  const lock = readJson('package-lock.json');
  const contents = readJson('dist/bundle-contents.json');
  const { bytes, fileBytes } = bundledBytes(contents);
  const owners = pulledInBy(pkg, lock);
  const ids = new Set(bytes.flatMap((column) => [...column.keys()]));
  ids.delete(PROJECT);
  const declared = { ...pkg.dependencies, ...pkg.peerDependencies };
  const bundledNames = new Set([...ids].map((id) => splitId(id).name));
  for (const name of Object.keys(declared)) {
    if (bundledNames.has(name)) continue;
    const installed = lock.packages[`node_modules/${name}`]?.version ?? declared[name];
    ids.add(`${name}@${installed}`);
  }
  const missing = [];
  const rows = [...ids].map((id) => {
    const { name, version } = splitId(id);
    const sizes = bytes.map((column) => column.get(id) ?? 0);
    const direct =
      name in (pkg.dependencies ?? {}) || name in (pkg.devDependencies ?? {}) || name in declared;
    let purpose = PURPOSE[name];
    if (!purpose && direct) missing.push(name);
    if (!purpose) {
      // Only what is bundled itself pulls a package into the bundles (not the dev tools).
      const by = [...(owners.get(name) ?? [])].filter((owner) => bundledNames.has(owner)).sort();
      purpose =
        by.length > 0
          ? `Needed by ${by.map((owner) => `\`${owner}\``).join(', ')}.`
          : 'Needed by another bundled package.';
    }
    if (sizes.every((size) => size === 0)) purpose += ' Not bundled: installed with the package.';
    return { name, version, purpose, sizes, total: sizes.reduce((sum, size) => sum + size, 0) };
  });
  if (missing.length > 0) {
    throw new Error(
      `No purpose for ${missing.join(', ')}: add a line for each to PURPOSE in scripts/dependency-table.mjs.`,
    );
  }
  rows.sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  const header = ['Package', 'Version', 'What it is for', ...BUNDLE_COLUMNS.map((column) => column.title)];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [
    'Bytes of each package’s modules in the bundles under `dist/` (unminified; “on demand” is the',
    'chunks the action imports only in the modes that need them). Generated by',
    '`node scripts/dependency-table.mjs --write` from `dist/bundle-contents.json`.',
    '',
    line(header),
    line(header.map((_, index) => (index < 3 ? '---' : '---:'))),
    ...rows.map((row) => line([`\`${row.name}\``, row.version, row.purpose, ...row.sizes.map(kilobytes)])),
    ...closingRows(pkg.version, bytes, fileBytes),
  ].join('\n');
}

/**
 * The README's table: one row per package the project itself depends on that ships (bundled,
 * or installed with the package), with the bytes of everything it alone pulls into each
 * bundle; packages that several of them pull in are one row of their own.
 */
function directTable() {
  const pkg = readJson('package.json');
  const lock = readJson('package-lock.json');
  const { bytes, fileBytes } = bundledBytes(readJson('dist/bundle-contents.json'));
  const owners = pulledInBy(pkg, lock);
  const direct = new Set(
    Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies }),
  );
  const declared = { ...pkg.dependencies, ...pkg.peerDependencies };
  const bundledNames = new Set(bytes.flatMap((column) => [...column.keys()]).map((id) => splitId(id).name));
  const rows = new Map();
  const shared = BUNDLE_COLUMNS.map(() => 0);
  const rowOf = (name) => {
    if (!rows.has(name)) rows.set(name, { name, sizes: BUNDLE_COLUMNS.map(() => 0), packages: 0 });
    return rows.get(name);
  };
  bytes.forEach((column, index) => {
    for (const [id, size] of column) {
      const { name } = splitId(id);
      if (name === PROJECT) continue;
      const by = direct.has(name)
        ? [name]
        : [...(owners.get(name) ?? [])].filter((owner) => bundledNames.has(owner));
      if (by.length === 1) rowOf(by[0]).sizes[index] += size;
      else shared[index] += size;
    }
  });
  for (const name of Object.keys(declared)) rowOf(name);
  for (const row of rows.values()) {
    row.packages =
      1 +
      [...owners].filter(([, by]) => by.size === 1 && by.has(row.name) && bundledNames.has(row.name)).length;
    row.total = row.sizes.reduce((sum, size) => sum + size, 0);
  }
  const missing = [...rows.keys()].filter((name) => !PURPOSE[name]);
  if (missing.length > 0)
    throw new Error(
      `No purpose for ${missing.join(', ')}: add a line for each to PURPOSE in scripts/dependency-table.mjs.`,
    );
  const sorted = [...rows.values()].sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  const header = ['Package', 'Version', 'What it is for', ...BUNDLE_COLUMNS.map((column) => column.title)];
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const version = (name) => lock.packages[`node_modules/${name}`]?.version ?? declared[name] ?? '';
  const kind = (name) =>
    name in (pkg.dependencies ?? {}) ? ' Installed with the package, not bundled.' : '';
  return [
    'Bytes each package (with what it alone pulls in) adds to the bundles under `dist/`',
    '(unminified; “on demand”: chunks the action loads only in the modes that need them). Every',
    'bundled package, one per row: [docs/dependencies.md](docs/dependencies.md). Generated by',
    '`node scripts/dependency-table.mjs --write` from `dist/bundle-contents.json`; CI checks it.',
    '',
    line(header),
    line(header.map((_, index) => (index < 3 ? '---' : '---:'))),
    ...sorted.map((row) =>
      line([
        `\`${row.name}\``,
        version(row.name),
        `${PURPOSE[row.name]}${kind(row.name)}`,
        ...row.sizes.map(kilobytes),
      ]),
    ),
    line(['(shared)', '', 'Packages that more than one of the above pull in.', ...shared.map(kilobytes)]),
    ...closingRows(pkg.version, bytes, fileBytes),
  ].join('\n');
}

/** The last two rows of both tables: the project's own code, and the files as a whole. */
function closingRows(version, bytes, fileBytes) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [
    line([
      'this project’s own code',
      version,
      'Validate, plan, gate, apply, verify, roll back; the runtime reader.',
      ...bytes.map((column) => kilobytes(column.get(PROJECT) ?? 0)),
    ]),
    line([
      '**whole files**',
      '',
      'The files themselves, with the bundler’s module wrappers.',
      ...fileBytes.map(kilobytes),
    ]),
  ];
}

/** FILE with its table between the markers replaced by `table`. */
function withTable(path, name, table) {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) {
    throw new Error(`${name} has no "${START}" … "${END}" markers: add them where the table belongs.`);
  }
  return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
}

/** The two tables and where they go. */
const TARGETS = [
  { file: 'README.md', table: directTable },
  { file: 'docs/dependencies.md', table: dependencyTable },
];

function main(args) {
  const [flag] = args;
  if (flag === undefined) {
    process.stdout.write(`${directTable()}\n\n${dependencyTable()}\n`);
    return 0;
  }
  if (flag !== '--write' && flag !== '--check') {
    process.stderr.write('usage: node scripts/dependency-table.mjs [--write | --check]\n');
    return 2;
  }
  let stale = 0;
  for (const target of TARGETS) {
    const path = resolve(root, target.file);
    if (!existsSync(path)) throw new Error(`${target.file} does not exist.`);
    const updated = withTable(path, target.file, target.table());
    if (updated === readFileSync(path, 'utf8')) continue;
    if (flag === '--write') writeFileSync(path, updated);
    else {
      process.stderr.write(`${target.file}: the dependency table is stale.\n`);
      stale += 1;
    }
  }
  if (stale > 0) process.stderr.write('Run: node scripts/dependency-table.mjs --write\n');
  return stale > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`dependency-table: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
