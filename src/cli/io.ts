import type { Logger } from '../logger.js';

/** The streams and environment a command runs with (tests pass their own). */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Where relative paths start; the process's working directory when not given. */
  cwd?: string;
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** Colours only on a terminal, and never when NO_COLOR is set. */
export function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true && !process.env.NO_COLOR;
}

/** Progress and warnings on the command's stderr (stdout stays for its output). */
export function ioLogger(io: CliIo): Logger {
  return {
    debug: () => {},
    info: (message) => writeLine(io.stderr, message),
    warn: (message) => writeLine(io.stderr, `warning: ${message}`),
  };
}
