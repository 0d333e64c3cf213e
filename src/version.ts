/** The product version, reported by the CLI and in backups and user agents. */
export const VERSION = '0.1.0';
