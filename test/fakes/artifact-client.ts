import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type {
  Artifact,
  ArtifactClient,
  DownloadArtifactOptions,
  FindOptions,
  ListArtifactsOptions,
  UploadArtifactOptions,
} from '@actions/artifact';

interface Stored {
  artifact: Artifact;
  /** The run that uploaded it. */
  runId: number;
  /** Path under the upload's root → bytes. */
  files: Map<string, Buffer>;
  retentionDays?: number | undefined;
}

/**
 * Workflow artifacts in memory, for unit tests of the action's modes: one store for the
 * repository, seen by each run through {@link forRun} the way the toolkit's client sees it
 * (this run's artifacts, or another run's with `findBy`). Uploads read the real files, downloads
 * write them, as the toolkit does.
 */
export class MemoryArtifacts {
  readonly stored: Stored[] = [];
  private nextId = 5000;

  /** The artifacts a run uploaded, by name. */
  ofRun(runId: number): Map<string, Stored> {
    return new Map(
      this.stored.filter((item) => item.runId === runId).map((item) => [item.artifact.name, item]),
    );
  }

  /** The client as the run `runId` has it. */
  forRun(runId: number): ArtifactClient {
    const runOf = (options?: FindOptions) => options?.findBy?.workflowRunId ?? runId;
    const find = (options: FindOptions | undefined, match: (item: Stored) => boolean) =>
      this.stored.find((item) => item.runId === runOf(options) && match(item));
    return {
      uploadArtifact: async (name, files, root, options?: UploadArtifactOptions) => {
        if (this.stored.some((item) => item.runId === runId && item.artifact.name === name))
          throw new Error(`an artifact named ${name} already exists in run ${runId}`);
        const contents = new Map<string, Buffer>();
        for (const file of files)
          contents.set(relative(root, file).split('\\').join('/'), await readFile(file));
        const size = [...contents.values()].reduce((sum, bytes) => sum + bytes.length, 0);
        const artifact: Artifact = { name, id: this.nextId++, size, createdAt: new Date() };
        this.stored.push({ artifact, runId, files: contents, retentionDays: options?.retentionDays });
        return { id: artifact.id, size };
      },
      listArtifacts: async (options?: ListArtifactsOptions & FindOptions) => ({
        artifacts: this.stored.filter((item) => item.runId === runOf(options)).map((item) => item.artifact),
      }),
      getArtifact: async (name, options?: FindOptions) => {
        const found = find(options, (item) => item.artifact.name === name);
        if (!found) throw new Error(`no artifact named ${name} in run ${runOf(options)}`);
        return { artifact: found.artifact };
      },
      downloadArtifact: async (id, options?: DownloadArtifactOptions & FindOptions) => {
        const found = find(options, (item) => item.artifact.id === id);
        if (!found) throw new Error(`no artifact ${id} in run ${runOf(options)}`);
        const path = options?.path ?? process.cwd();
        for (const [file, bytes] of found.files) {
          await mkdir(dirname(join(path, file)), { recursive: true });
          await writeFile(join(path, file), bytes);
        }
        return { downloadPath: path };
      },
      deleteArtifact: async (name, options?: FindOptions) => {
        const index = this.stored.findIndex(
          (item) => item.runId === runOf(options) && item.artifact.name === name,
        );
        if (index < 0) throw new Error(`no artifact named ${name} in run ${runOf(options)}`);
        const [removed] = this.stored.splice(index, 1);
        return { id: removed!.artifact.id };
      },
    };
  }
}
