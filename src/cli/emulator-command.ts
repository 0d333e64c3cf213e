import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { describeTiming } from '../emulator/config.js';
import { startEmulator, type EmulatorOptions } from '../emulator/server.js';
import type { StateDump } from '../emulator/state.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { parseOptions, portNumber, wholeNumber } from './options.js';
import { checkOutputFile, readOptionFile } from './paths.js';

const HELP = `Usage: datatable-deploy emulator [--port N] [--state FILE | --load FILE] [--rate-limit N] [--seed N]
                                 [--realistic [--scale N]] [--json]

Serves the Genesys Cloud data-tables API, its OAuth token endpoint and an admin API
(/__emulator/...) on 127.0.0.1. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

  --port N         port to listen on (default 0: a free one)
  --state FILE     load the org's tables from FILE if it exists, and save them there on exit
  --load FILE      load the org's tables from FILE, and leave the file as it is
  --rate-limit N   requests per minute per token (default 300, as Genesys)
  --seed N         seed for probabilistic faults and random delays (default 1)
  --realistic      behave like the real service: reads lag writes (rows up to 5 s, tables up to
                   10 s), each write takes up to 300 ms, import and export jobs take 4 s
  --scale N        multiply every duration of --realistic (e.g. 0.1 for a ten times faster org)
  --json           print one JSON line {"url","clientId","clientSecret"} once listening`;

/** What the command line asks for, before anything is read or started. */
export interface EmulatorCommandArgs {
  help: boolean;
  json: boolean;
  /** --state: loaded if it exists, saved on exit. */
  statePath?: string | undefined;
  /** --load: loaded, never written. */
  loadPath?: string | undefined;
  /** What to start the emulator with (its state is read from the file separately). */
  start: Omit<EmulatorOptions, 'state'>;
}

/** Parses the emulator command's arguments. Throws ConfigurationError on a bad one. */
export function parseEmulatorArgs(args: string[]): EmulatorCommandArgs {
  const { values } = parseOptions('emulator', args, {
    port: { type: 'string' },
    state: { type: 'string' },
    load: { type: 'string' },
    'rate-limit': { type: 'string' },
    seed: { type: 'string' },
    realistic: { type: 'boolean' },
    scale: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.state && values.load)
    throw new ConfigurationError(
      'Give --state or --load, not both.',
      '--load FILE starts from a file and leaves it as it is; --state FILE also saves to it on exit.',
    );
  const profileScale = realisticScale(values.realistic, values.scale, 1);
  return {
    help: values.help ?? false,
    json: values.json ?? false,
    statePath: values.state,
    loadPath: values.load,
    start: {
      port: portNumber(values.port),
      ...(profileScale !== undefined ? { profile: 'realistic' as const, profileScale } : {}),
      config: {
        rateLimitPerMinute: wholeNumber('rate-limit', values['rate-limit'], 300) || 300,
        seed: wholeNumber('seed', values.seed, 1),
      },
    },
  };
}

export async function runEmulatorCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseEmulatorArgs(args);
  if (parsed.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  const cwd = io.cwd ?? process.cwd();
  const statePath = parsed.statePath;
  // --state is written on exit: a path that cannot be written must fail now, not then.
  if (statePath) await checkOutputFile('--state', statePath, cwd);
  const option = parsed.loadPath ? '--load' : '--state';
  const loadPath =
    parsed.loadPath ?? (statePath && existsSync(resolve(cwd, statePath)) ? statePath : undefined);
  const state = loadPath ? await readStateDump(option, loadPath, cwd) : undefined;
  const emulator = await startEmulator({ ...parsed.start, ...(state ? { state } : {}) }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        throw new ConfigurationError(
          `--port ${parsed.start.port}: the port is in use.`,
          'Stop what listens there, or give another port (--port 0 picks a free one).',
        );
      if (!state || error instanceof ConfigurationError) throw error;
      throw new ConfigurationError(`${option} ${loadPath} is not a state dump: ${error.message}.`, STATE_FIX);
    },
  );
  printConnection(io, parsed, emulator);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (statePath) await writeFile(resolve(cwd, statePath), JSON.stringify(emulator.state.dump(), null, 2));
  await emulator.close();
  if (!parsed.json) writeLine(io.stderr, 'emulator stopped');
  return 0;
}

/** How to connect to the emulator: one JSON line with --json, else the environment to set. */
function printConnection(
  io: CliIo,
  parsed: ReturnType<typeof parseEmulatorArgs>,
  emulator: Awaited<ReturnType<typeof startEmulator>>,
): void {
  const { statePath } = parsed;
  const profile = parsed.start.profile
    ? { profile: parsed.start.profile, scale: parsed.start.profileScale }
    : {};
  if (parsed.json) {
    writeLine(
      io.stdout,
      JSON.stringify({
        url: emulator.url,
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        ...profile,
      }),
    );
  } else {
    writeLine(io.stdout, `Genesys Cloud data-tables emulator listening on ${emulator.url}`);
    writeLine(io.stdout, `  GENESYSCLOUD_API_URL=${emulator.url}`);
    writeLine(io.stdout, `  GENESYSCLOUD_OAUTHCLIENT_ID=${emulator.clientId}`);
    writeLine(io.stdout, `  GENESYSCLOUD_OAUTHCLIENT_SECRET=${emulator.clientSecret}`);
    if (parsed.start.profile) {
      writeLine(
        io.stdout,
        `  realistic profile (scale ${parsed.start.profileScale}): ${describeTiming(emulator.config)}`,
      );
    }
    writeLine(
      io.stdout,
      `  admin API: ${emulator.url}/__emulator/health${statePath ? `; state file: ${statePath}` : ''}`,
    );
  }
}

const STATE_FIX =
  'Give a file that "datatable-deploy emulator --state FILE" wrote, such as examples/live/*.json.';

/** A state file, as "emulator --state" writes it; the refusal says what is wrong with it. */
async function readStateDump(option: string, file: string, cwd: string): Promise<StateDump> {
  const fix =
    'Give a file that "datatable-deploy emulator --state FILE" wrote, such as examples/live/*.json.';
  const bytes = await readOptionFile(option, file, cwd, fix);
  try {
    return JSON.parse(bytes.toString('utf8')) as StateDump;
  } catch (error) {
    throw new ConfigurationError(
      `${option} ${file} is not a state dump: it is not JSON (${(error as Error).message}).`,
      STATE_FIX,
    );
  }
}

/**
 * The scale of the realistic profile from `--realistic` and `--scale`: undefined without
 * `--realistic`, `fallback` without `--scale`. Shared with the demo.
 */
export function realisticScale(
  realistic: boolean | undefined,
  scale: string | undefined,
  fallback: number,
): number | undefined {
  if (!realistic) {
    if (scale === undefined) return undefined;
    throw new ConfigurationError(
      '--scale applies to --realistic only.',
      'Add --realistic, or leave --scale out.',
    );
  }
  if (scale === undefined) return fallback;
  const parsed = Number(scale);
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(scale) || !(parsed > 0)) {
    throw new ConfigurationError(
      `--scale must be a number above 0; got "${scale}".`,
      'Use e.g. --scale 0.1 for a ten times faster realistic org, or 1 for real timing.',
    );
  }
  return parsed;
}
