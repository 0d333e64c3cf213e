import { runDemo } from '../demo/demo.js';
import { realisticScale } from './emulator-command.js';
import { exitCodeOf } from './exit-codes.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { parseOptions } from './options.js';

/** Keeps the realistic demo under half a minute while its delays keep their shape. */
const REALISTIC_DEMO_SCALE = 0.1;

const HELP = `Usage: datatable-deploy demo [--realistic [--scale N]]

Runs the whole pipeline against an in-process emulator and an example plugin.

  --realistic   the emulator behaves like the real service (reads lag writes, writes and jobs
                take time), at --scale ${REALISTIC_DEMO_SCALE} of the real durations
  --scale N     another scale for --realistic (1 is real timing: the demo then takes minutes)`;

/** `demo [--realistic [--scale N]]`: the guided demo, at the realistic profile's scale if asked. */
export async function runDemoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('demo', args, {
    realistic: { type: 'boolean' },
    scale: { type: 'string' },
  });
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  return runDemo({
    stdout: io.stdout,
    env: io.env,
    profileScale: realisticScale(values.realistic, values.scale, REALISTIC_DEMO_SCALE),
    exitCodeOf,
  });
}
