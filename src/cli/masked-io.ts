import { maskSecrets, registerSecretsFromEnvironment } from '../secrets.js';
import type { CliIo } from './io.js';

/**
 * The command's streams with every known secret masked: the variables of its environment whose
 * names say they hold one (the Genesys client secret, the webhook secret, tokens), and what the
 * command registers as it runs. Whatever a health check or an error prints passes through here.
 */
export function maskedIo(io: CliIo): CliIo {
  registerSecretsFromEnvironment(io.env);
  return { ...io, stdout: maskedStream(io.stdout), stderr: maskedStream(io.stderr) };
}

function maskedStream(stream: NodeJS.WritableStream): NodeJS.WritableStream {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write')
        return (chunk: unknown, ...rest: unknown[]) =>
          (target.write as (...args: unknown[]) => boolean)(
            typeof chunk === 'string' || Buffer.isBuffer(chunk) ? maskSecrets(String(chunk)) : chunk,
            ...rest,
          );
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
