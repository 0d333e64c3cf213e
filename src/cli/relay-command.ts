import { ConfigurationError } from '../errors.js';
import type { CliIo } from './io.js';
import { ioLogger, writeLine } from './io.js';
import { parseOptions, portNumber, wholeNumber } from './options.js';

const HELP = `Usage: datatable-deploy relay [--redis URL] [--port N] [--host HOST] [--channel NAME]
                              [--key-prefix PREFIX] [--replay-window SECONDS]

Receives the deploy's signed invalidation webhook and publishes each table's purge on a Redis
pub/sub channel, where the runtime readers (datatable-deploy/runtime) subscribe. It also keeps
the newest version of each table in a Redis hash, from which readers catch up after a
disconnection. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

  --redis URL              Redis to publish on (default: the REDIS_URL environment variable)
  --port N                 port to listen on (default 0: a free one, printed at start)
  --host HOST              address to listen on (default 127.0.0.1)
  --channel NAME           pub/sub channel (default datatable-deploy:purges)
  --key-prefix PREFIX      prefix of the versions hash key (default datatable-deploy:)
  --replay-window SECONDS  how far an event's time may be from now (default 300)

The webhook secret is read from the DATATABLE_DEPLOY_WEBHOOK_SECRET environment variable only:
a secret on the command line is visible to every user of the machine (ps).`;

const SECRET_VARIABLE = 'DATATABLE_DEPLOY_WEBHOOK_SECRET';

export interface RelayCommandArgs {
  help: boolean;
  redisUrl: string;
  secret: string;
  port: number;
  host: string;
  channel?: string | undefined;
  keyPrefix?: string | undefined;
  replayWindowSeconds: number;
}

/** Parses the relay command's arguments and environment. Throws ConfigurationError on a bad one. */
export function parseRelayArgs(args: string[], env: NodeJS.ProcessEnv): RelayCommandArgs {
  const { values } = parseOptions('relay', args, {
    redis: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    channel: { type: 'string' },
    'key-prefix': { type: 'string' },
    'replay-window': { type: 'string' },
    // Known only to be refused with the reason (parseArgs would call it unknown).
    secret: { type: 'string' },
  });
  const parsed = {
    help: values.help ?? false,
    redisUrl: values.redis ?? env.REDIS_URL ?? '',
    secret: env[SECRET_VARIABLE] ?? '',
    port: portNumber(values.port, 'relay: '),
    host: values.host ?? '127.0.0.1',
    channel: values.channel,
    keyPrefix: values['key-prefix'],
    replayWindowSeconds: wholeNumber('replay-window', values['replay-window'], 300),
  };
  if (parsed.help) return parsed;
  if (values.secret !== undefined)
    throw new ConfigurationError(
      'relay: the webhook secret is not taken from the command line (every user of the machine can read it there).',
      `Set it in the ${SECRET_VARIABLE} environment variable, and leave --secret out.`,
    );
  if (!parsed.redisUrl)
    throw new ConfigurationError(
      'relay: no Redis to publish on.',
      'Give --redis redis://host:port, or set REDIS_URL.',
    );
  if (!parsed.secret)
    throw new ConfigurationError(
      `relay: ${SECRET_VARIABLE} is not set; the relay cannot check the deploy's signatures.`,
      `Set ${SECRET_VARIABLE} to the secret the deploy signs its webhook with (invalidation-webhook-secret).`,
    );
  return parsed;
}

/** Serves the relay until SIGINT or SIGTERM. */
export async function runRelayCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseRelayArgs(args, io.env);
  if (parsed.help) {
    writeLine(io.stdout, HELP);
    return 0;
  }
  // Loaded here: node-redis is needed by this command only. The CLI runs with no node_modules,
  // so it carries node-redis in a chunk of its own instead of loading the user's.
  const [{ createRelay }, { useNodeRedis }] = await Promise.all([
    import('../runtime/relay.js'),
    import('../runtime/redis-client.js'),
  ]);
  useNodeRedis(() => import('redis'));
  const relay = await createRelay({
    redisUrl: parsed.redisUrl,
    secret: parsed.secret,
    replayWindowSeconds: parsed.replayWindowSeconds,
    logger: ioLogger(io),
    ...(parsed.channel !== undefined ? { channel: parsed.channel } : {}),
    ...(parsed.keyPrefix !== undefined ? { keyPrefix: parsed.keyPrefix } : {}),
  });
  const { url } = await relay.listen(parsed.port, parsed.host).catch(async (error: NodeJS.ErrnoException) => {
    await relay.close();
    throw listenError(parsed, error);
  });
  writeLine(io.stdout, `datatable-deploy relay listening on ${url}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await relay.close();
  writeLine(io.stderr, 'relay stopped');
  return 0;
}

function listenError(parsed: RelayCommandArgs, error: NodeJS.ErrnoException): Error {
  if (error.code === 'EADDRINUSE')
    return new ConfigurationError(
      `relay: --port ${parsed.port} on ${parsed.host} is in use.`,
      'Stop what listens there, or give another port (--port 0 picks a free one).',
    );
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return new ConfigurationError(
      `relay: cannot listen on --host ${parsed.host} (${error.code}).`,
      'Give an address of this machine, such as 127.0.0.1 or 0.0.0.0.',
    );
  return error;
}
