import { createInterface } from 'node:readline/promises';
import { ConfigurationError } from '../errors.js';
import { isTty, writeLine, type CliIo } from './io.js';

/**
 * Asks before a command writes. On a terminal the answer must be "yes"; without one it refuses,
 * so that no script writes by accident (it must pass --yes).
 */
export async function confirm(
  io: CliIo,
  what: { verb: string; question: string; reviewed: string },
): Promise<boolean> {
  if (!process.stdin.isTTY || !isTty(io.stdout)) {
    throw new ConfigurationError(
      `Refusing to ${what.verb} without --yes: there is no terminal to ask on.`,
      `Review ${what.reviewed} above, then run again with --yes.`,
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`${what.question} Type "yes" to go on: `);
    if (answer.trim() === 'yes') return true;
    writeLine(io.stdout, 'Nothing was changed.');
    return false;
  } finally {
    prompt.close();
  }
}
