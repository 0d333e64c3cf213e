import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, normalize, resolve } from 'node:path';
import { escapePath, glob } from 'tinyglobby';

/** The file system as config discovery needs it (tests and the action pass their own). */
export interface ConfigFileSystem {
  /** Files matching a glob pattern: relative to `cwd` when the pattern is, else absolute. */
  glob(pattern: string, cwd: string): Promise<string[]>;
  /** Whether `path` is a file, a directory, or neither (absent, unreadable). */
  kind(path: string, cwd: string): Promise<'file' | 'directory' | undefined>;
  readFile(path: string, cwd: string): Promise<Buffer>;
}

// tinyglobby rather than fs/promises' glob, which Node 20 (allowed by "engines") does not have.
export const nodeFileSystem: ConfigFileSystem = {
  glob: (pattern, cwd) => glob(pattern, { cwd, absolute: isAbsolute(pattern), expandDirectories: false }),
  kind: async (path, cwd) => {
    const found = await stat(resolve(cwd, path)).catch(() => undefined);
    return found?.isDirectory() ? 'directory' : found?.isFile() ? 'file' : undefined;
  },
  readFile: (path, cwd) => readFile(resolve(cwd, path)),
};

export const DEFAULT_CONFIG_GLOB = 'datatables/**/*.{yml,yaml}';
/** What a directory given as a config path stands for, below it. */
const IN_DIRECTORY = '**/*.{yml,yaml}';

/**
 * Expands each pattern (globs are expanded here, so quoting in the shell does not matter) into
 * a sorted list of distinct files. A file that exists is taken as named, even with glob
 * characters in its name; a directory means every YAML file under it. Returns the patterns
 * that matched nothing, too.
 */
export async function discoverConfigFiles(
  patterns: readonly string[],
  cwd: string,
  fs: ConfigFileSystem = nodeFileSystem,
): Promise<{ files: string[]; unmatched: string[]; emptyDirectories: string[] }> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const emptyDirectories: string[] = [];
  for (const pattern of patterns) {
    const kind = await fs.kind(pattern, cwd);
    const matches = await expand(pattern, kind, cwd, fs);
    for (const path of matches) files.add(path.replace(/\\/g, '/'));
    if (matches.length === 0) (kind === 'directory' ? emptyDirectories : unmatched).push(pattern);
  }
  return { files: [...files].sort(), unmatched, emptyDirectories };
}

async function expand(
  pattern: string,
  kind: 'file' | 'directory' | undefined,
  cwd: string,
  fs: ConfigFileSystem,
): Promise<string[]> {
  if (kind === 'file') return [normalize(pattern)];
  if (kind !== 'directory') return fs.glob(pattern, cwd);
  const directory = escapePath(normalize(pattern).replace(/[\\/]+$/, ''));
  return fs.glob(`${directory}/${IN_DIRECTORY}`, cwd);
}
