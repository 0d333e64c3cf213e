/** Where progress and diagnostics go: the terminal for the CLI, the job log for the action. */
export interface Logger {
    debug(message: string): void;
    info(message: string): void;
    warn(message: string): void;
}
export declare const silentLogger: Logger;
/** Writes info and warnings to stderr (stdout stays free for machine-readable output). */
export declare function stderrLogger(options?: {
    verbose?: boolean;
}): Logger;
