import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { ConfigurationError } from '../errors.js';
import { startEmulator } from '../emulator/server.js';
import type { StateDump } from '../emulator/state.js';
import type { CliIo } from './io.js';
import { writeLine } from './io.js';
import { parseOptions, wholeNumber } from './options.js';

const HELP = `Usage: datatable-deploy emulator [--port N] [--state FILE | --load FILE] [--rate-limit N] [--seed N] [--json]

Serves the Genesys Cloud data-tables API, its OAuth token endpoint and an admin API
(/__emulator/...) on 127.0.0.1. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

  --port N         port to listen on (default 0: a free one)
  --state FILE     load the org's tables from FILE if it exists, and save them there on exit
  --load FILE      load the org's tables from FILE, and leave the file as it is
  --rate-limit N   requests per minute per token (default 300, as Genesys)
  --seed N         seed for probabilistic faults (default 1)
  --json           print one JSON line {"url","clientId","clientSecret"} once listening`;

export async function runEmulatorCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions('emulator', args, {
    port: { type: 'string' },
    state: { type: 'string' },
    load: { type: 'string' },
    'rate-limit': { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  if (values.state && values.load) throw new ConfigurationError('Give --state or --load, not both.');
  const statePath = values.state;
  const loadPath = values.load ?? (statePath && existsSync(statePath) ? statePath : undefined);
  let state: StateDump | undefined;
  if (loadPath) {
    try {
      state = JSON.parse(await readFile(loadPath, 'utf8')) as StateDump;
    } catch (error) {
      const option = values.load ? '--load' : '--state';
      throw new ConfigurationError(
        `${option} ${loadPath} is not a readable state dump: ${(error as Error).message}`,
      );
    }
  }
  const emulator = await startEmulator({
    port: wholeNumber('port', values.port, 0),
    config: {
      rateLimitPerMinute: wholeNumber('rate-limit', values['rate-limit'], 300) || 300,
      seed: wholeNumber('seed', values.seed, 1),
    },
    ...(state ? { state } : {}),
  });
  if (values.json) {
    writeLine(
      io.stdout,
      JSON.stringify({ url: emulator.url, clientId: emulator.clientId, clientSecret: emulator.clientSecret }),
    );
  } else {
    writeLine(io.stdout, `Genesys Cloud data-tables emulator listening on ${emulator.url}`);
    writeLine(io.stdout, `  GENESYSCLOUD_API_URL=${emulator.url}`);
    writeLine(io.stdout, `  GENESYSCLOUD_OAUTHCLIENT_ID=${emulator.clientId}`);
    writeLine(io.stdout, `  GENESYSCLOUD_OAUTHCLIENT_SECRET=${emulator.clientSecret}`);
    writeLine(
      io.stdout,
      `  admin API: ${emulator.url}/__emulator/health${statePath ? `; state file: ${statePath}` : ''}`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  if (statePath) await writeFile(statePath, JSON.stringify(emulator.state.dump(), null, 2));
  await emulator.close();
  if (!values.json) writeLine(io.stderr, 'emulator stopped');
  return 0;
}
