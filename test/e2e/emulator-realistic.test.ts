/** The bundled CLI: `emulator --realistic` reaches the running emulator, `demo --realistic` runs the story. */
import { expect, it } from 'vitest';
import { realisticConfig } from '../../src/emulator/config.js';
import { CLI, runNode, startNode } from '../helpers/processes.js';

it('emulator --realistic --scale N serves the realistic profile, scaled', async () => {
  const started = await startNode(CLI, [
    'emulator',
    '--json',
    '--port',
    '0',
    '--realistic',
    '--scale',
    '0.05',
  ]);
  const announced = JSON.parse(started.firstLine) as { url: string; profile: string; scale: number };
  expect(announced).toMatchObject({ profile: 'realistic', scale: 0.05 });
  const config = await (await fetch(`${announced.url}/__emulator/config`)).json();
  expect(config).toMatchObject(realisticConfig(0.05));
  started.child.kill('SIGTERM');
  expect((await started.exited).code).toBe(0);
});

it('demo --realistic runs the whole story against the realistic profile', async () => {
  const demo = await runNode(CLI, ['demo', '--realistic']);
  expect(demo.stderr).toBe('');
  expect(demo.code).toBe(0);
  expect(demo.stdout.split('\n')[0]).toBe(
    '0. The emulator runs the realistic profile at scale 0.1: row reads lag writes by up to 500 ms, ' +
      'table reads by up to 1 s, writes take up to 30 ms, jobs 400 ms.',
  );
  expect(demo.stdout).toContain('→ applied (exit code 0)');
  expect(demo.stdout).toContain('→ rolled-back (exit code 4); the table equals its backup: yes');
});
