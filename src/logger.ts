/** Where progress and diagnostics go: the terminal for the CLI, the job log for the action. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {} };

/** Writes info and warnings to stderr (stdout stays free for machine-readable output). */
export function stderrLogger(options: { verbose?: boolean } = {}): Logger {
  return {
    debug: (message) => {
      if (options.verbose) process.stderr.write(`debug: ${message}\n`);
    },
    info: (message) => process.stderr.write(`${message}\n`),
    warn: (message) => process.stderr.write(`warning: ${message}\n`),
  };
}
