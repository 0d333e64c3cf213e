import { glob, readFile } from 'node:fs/promises';

/** The file system as config discovery needs it (tests and the action pass their own). */
export interface ConfigFileSystem {
  /** Paths matching a glob pattern, relative to `cwd` as the pattern is. */
  glob(pattern: string, cwd: string): AsyncIterable<string>;
  readFile(path: string, cwd: string): Promise<Buffer>;
}

export const nodeFileSystem: ConfigFileSystem = {
  glob: (pattern, cwd) => glob(pattern, { cwd }),
  readFile: (path, cwd) => readFile(path.startsWith('/') ? path : `${cwd}/${path}`),
};

export const DEFAULT_CONFIG_GLOB = 'datatables/**/*.{yml,yaml}';

/**
 * Expands each pattern (globs are expanded here, so quoting in the shell does not matter) into
 * a sorted list of distinct files. Returns the patterns that matched nothing, too.
 */
export async function discoverConfigFiles(
  patterns: readonly string[],
  cwd: string,
  fs: ConfigFileSystem = nodeFileSystem,
): Promise<{ files: string[]; unmatched: string[] }> {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    let matched = 0;
    for await (const path of fs.glob(pattern, cwd)) {
      files.add(path.replace(/\\/g, '/'));
      matched += 1;
    }
    if (matched === 0) unmatched.push(pattern);
  }
  return { files: [...files].sort(), unmatched };
}
