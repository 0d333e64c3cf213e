import { signingKeyFrom, SIGNING_KEY_VARIABLE } from '../plan/signing.js';
import { writeLine, type CliIo } from './io.js';

export const SIGNING_HELP = `Integrity: with ${SIGNING_KEY_VARIABLE} set, plan files and backups are written with an
HMAC signature, and plans and backups read back must carry a valid one.`;

/** The signing key from the environment; refused when set but empty or short. */
export function signingKeyOf(io: CliIo): string | undefined {
  return signingKeyFrom(io.env[SIGNING_KEY_VARIABLE], SIGNING_KEY_VARIABLE);
}

/** Writes a warning to the command's stderr, each text once per command. */
export function warnOnce(io: CliIo): (message: string) => void {
  const said = new Set<string>();
  return (message) => {
    if (said.has(message)) return;
    said.add(message);
    writeLine(io.stderr, `warning: ${message}`);
  };
}
