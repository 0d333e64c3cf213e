/**
 * The folders under src/ depend on each other in one direction: no folder imports, directly or
 * through others, a folder that imports it (config ↔ plan and cli ↔ demo were such cycles).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(directory, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(directory, entry.name)]
        : [],
  );
}

/** The top folder of src/ a file belongs to ('' for files directly under src/). */
const folderOf = (file: string): string => {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0]! : '';
};

/** folder → the folders its files import (static and dynamic relative imports). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = folderOf(resolve(dirname(file), match[1]!));
      if (to === from || to === '' || from === '') continue;
      graph.set(from, new Set([...(graph.get(from) ?? []), to]));
    }
  }
  return graph;
}

/** Every cycle's folders, found by a depth-first search. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (folder: string, path: string[]) => {
    for (const next of graph.get(folder) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next]);
      else visit(next, [...path, next]);
    }
  };
  for (const folder of graph.keys()) visit(folder, [folder]);
  return found;
}

describe('folder dependencies under src/', () => {
  it('has no cycles', () => {
    const graph = folderGraph();
    // The graph is read at all: the plan reads configs, the CLI drives the deploy.
    expect([...(graph.get('plan') ?? [])]).toContain('config');
    expect([...(graph.get('cli') ?? [])]).toContain('deploy');
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['config', new Set(['plan'])],
      ['plan', new Set(['config'])],
    ]);
    expect(cycles(graph)).toContainEqual(['config', 'plan', 'config']);
  });

  it('keeps the runtime reader free of the action and the CLI', () => {
    const runtime = folderGraph().get('runtime') ?? new Set();
    expect([...runtime].filter((folder) => ['action', 'cli', 'demo'].includes(folder))).toEqual([]);
  });
});
