import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { ArtifactClient, FindOptions } from '@actions/artifact';
import { BackupError } from '../errors.js';
import type { BackupFiles, BackupStore } from '../deploy/backup.js';

/** Where a backup artifact comes from when restoring: this run, or another one (findBy). */
export interface ArtifactSource {
  findBy?: FindOptions['findBy'];
}

/**
 * Backups as workflow artifacts. Saving uploads the files (zipped) and returns the artifact's
 * id; loading downloads by id, from this run or, with `findBy`, from another run (that needs
 * `actions: read`).
 */
export class ArtifactBackupStore implements BackupStore {
  constructor(
    private readonly artifacts: () => Promise<ArtifactClient>,
    private readonly options: { retentionDays?: number | undefined; source?: ArtifactSource } = {},
  ) {}

  async save(name: string, files: BackupFiles): Promise<string> {
    const id = await uploadFiles(await this.artifacts(), name, files, this.options.retentionDays);
    return String(id);
  }

  async load(location: string): Promise<BackupFiles> {
    const id = Number(location);
    const directory = await mkdtemp(join(tmpdir(), 'datatable-backup-'));
    try {
      await (
        await this.artifacts()
      ).downloadArtifact(id, {
        path: directory,
        ...(this.options.source?.findBy ? { findBy: this.options.source.findBy } : {}),
      });
      const files: BackupFiles = new Map();
      for (const path of await walk(directory))
        files.set(relative(directory, path).split('\\').join('/'), await readFile(path));
      return files;
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `The backup artifact ${location} could not be downloaded: ${(error as Error).message}.`,
        'Check the run id or artifact id, and that the workflow has "actions: read" permission.',
      );
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }
}

/** Uploads named files as one artifact (the artifact client wants real files under one root). */
export async function uploadFiles(
  client: ArtifactClient,
  name: string,
  files: BackupFiles,
  retentionDays?: number,
): Promise<number> {
  const root = await mkdtemp(join(tmpdir(), 'datatable-artifact-'));
  try {
    const paths: string[] = [];
    for (const [file, bytes] of files) {
      const path = join(root, file);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      paths.push(path);
    }
    const result = await client.uploadArtifact(name, paths, root, retentionDays ? { retentionDays } : {});
    if (result.id === undefined) throw new Error(`the artifact service gave no id for ${name}`);
    return result.id;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? walk(join(directory, entry.name)) : [join(directory, entry.name)],
    ),
  );
  return nested.flat();
}

/**
 * The artifact client, loaded on first use: @actions/artifact and what it pulls in are most of
 * the action's bundle, and only deploy and rollback need it, so the other modes start without it.
 */
export async function loadArtifactClient(): Promise<ArtifactClient> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}
