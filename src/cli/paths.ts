import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigurationError, fileProblem } from '../errors.js';

/**
 * Checks of the paths options name, made before anything is planned or written, so that a
 * typo costs nothing. Each refusal names the option and the path and says what to do.
 */

type Kind = 'file' | 'directory' | 'other' | 'missing';

async function kindOf(path: string): Promise<Kind | NodeJS.ErrnoException> {
  try {
    const found = await stat(path);
    return found.isDirectory() ? 'directory' : found.isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : (error as NodeJS.ErrnoException);
  }
}

async function writable(path: string): Promise<boolean> {
  return access(path, constants.W_OK).then(
    () => true,
    () => false,
  );
}

/** Reads the file an option names; the refusal says whether it is missing, a directory or unreadable. */
export async function readOptionFile(
  option: string,
  file: string,
  cwd: string,
  fix: string,
): Promise<Buffer> {
  const path = resolve(cwd, file);
  const kind = await kindOf(path);
  if (kind === 'missing')
    throw new ConfigurationError(`${option} ${file}: there is no such file${where(file, path)}.`, fix);
  if (kind === 'directory')
    throw new ConfigurationError(`${option} ${file} is a directory, not a file.`, fix);
  try {
    if (kind instanceof Error) throw kind;
    return await readFile(path);
  } catch (error) {
    throw new ConfigurationError(
      `${option} ${file} cannot be read (${fileProblem(error).reason}).`,
      `Check the file's permissions. ${fix}`,
    );
  }
}

/** Refuses a directory an option reads from when it is missing or a file. */
export async function checkInputDirectory(
  option: string,
  directory: string,
  cwd: string,
  fix: string,
): Promise<void> {
  const path = resolve(cwd, directory);
  const kind = await kindOf(path);
  if (kind === 'missing')
    throw new ConfigurationError(
      `${option} ${directory}: there is no such directory${where(directory, path)}.`,
      fix,
    );
  if (kind !== 'directory') throw new ConfigurationError(`${option} ${directory} is not a directory.`, fix);
}

/** Refuses an output file whose directory is missing or read-only, or that is a directory. */
export async function checkOutputFile(option: string, file: string, cwd: string): Promise<void> {
  const path = resolve(cwd, file);
  const kind = await kindOf(path);
  if (kind === 'directory')
    throw new ConfigurationError(
      `${option} ${file} is a directory; it takes a file name.`,
      `Give ${option} the path of a file, in that directory or elsewhere.`,
    );
  if (kind === 'file' || kind === 'other') {
    if (!(await writable(path)))
      throw new ConfigurationError(
        `${option} ${file} cannot be written (permission denied).`,
        WRITE_FIX(option),
      );
    return;
  }
  const parent = dirname(path);
  const parentKind = await kindOf(parent);
  if (parentKind === 'missing')
    throw new ConfigurationError(
      `${option} ${file}: the directory ${parent} does not exist.`,
      `Create it first (mkdir -p ${parent}), or give ${option} a path in an existing directory.`,
    );
  if (parentKind !== 'directory')
    throw new ConfigurationError(`${option} ${file}: ${parent} is not a directory.`, WRITE_FIX(option));
  if (!(await writable(parent)))
    throw new ConfigurationError(
      `${option} ${file}: the directory ${parent} is not writable.`,
      WRITE_FIX(option),
    );
}

/**
 * Refuses a directory that cannot be created or written: the path or one of its parents is a
 * file, or the nearest existing parent is read-only. A missing directory is fine (it is created).
 */
export async function checkOutputDirectory(option: string, directory: string, cwd: string): Promise<void> {
  let path = resolve(cwd, directory);
  for (;;) {
    const kind = await kindOf(path);
    if (kind === 'directory') {
      if (await writable(path)) return;
      throw new ConfigurationError(
        `${option} ${directory}: the directory ${path} is not writable.`,
        `Give ${option} a directory you can write to.`,
      );
    }
    if (kind !== 'missing')
      throw new ConfigurationError(
        `${option} ${directory}: ${path} is ${kind === 'file' ? 'a file' : 'not a directory'}, so the directory cannot be created there.`,
        `Give ${option} a directory path (one that exists, or can be created).`,
      );
    if (dirname(path) === path) return;
    path = dirname(path);
  }
}

const WRITE_FIX = (option: string) => `Give ${option} a path you can write to.`;

function where(given: string, path: string): string {
  return given === path ? '' : ` (looked for ${path})`;
}

/**
 * A file-system error no command turned into a message of its own (e.g. a write that failed
 * midway): what failed, on which path, and the usual fix.
 */
export function describeFileSystemError(error: NodeJS.ErrnoException): ConfigurationError | undefined {
  if (!error.code || !error.path || !error.syscall) return undefined;
  const { reason, fix } = fileProblem(error);
  return new ConfigurationError(`Cannot ${error.syscall} ${error.path}: ${reason}.`, fix);
}
