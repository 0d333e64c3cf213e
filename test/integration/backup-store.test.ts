import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalBackupStore } from '../../src/deploy/backup.js';

/** Backups hold live values (secrets included): the local store keeps them out of git. */
describe('the local backup store', () => {
  it('writes a .gitignore into its root, so "git add ." in a working tree commits no backup', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'datatable-deploy-repo-'));
    execFileSync('git', ['init', '-q', repo]);
    const root = join(repo, '.datatable-deploy/backups');
    const store = new LocalBackupStore(root);
    await store.save('backup-1', new Map([['manifest.json', Buffer.from('{}')]]));
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toContain('*');
    await writeFile(join(repo, 'config.yaml'), 'table: t\n');
    execFileSync('git', ['-C', repo, 'add', '.']);
    const staged = execFileSync('git', ['-C', repo, 'diff', '--cached', '--name-only'], { encoding: 'utf8' });
    expect(staged.trim().split('\n')).toEqual(['config.yaml']);
  });

  it('keeps a .gitignore the user already has there', async () => {
    const root = await mkdtemp(join(tmpdir(), 'datatable-deploy-backups-'));
    await writeFile(join(root, '.gitignore'), 'mine\n');
    await new LocalBackupStore(root).save('backup-1', new Map([['manifest.json', Buffer.from('{}')]]));
    expect(await readFile(join(root, '.gitignore'), 'utf8')).toBe('mine\n');
  });
});
