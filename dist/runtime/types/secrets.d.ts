/**
 * Secret values no output may show: logs, the job summary, PR comments, commit statuses,
 * step outputs, artifacts and files the tool writes all pass through `maskSecrets`. The
 * registry is process-wide on purpose, like the runner's own mask list: a value registered
 * where it is read (an input, a connection setting, a health-check template) must be masked
 * by every sink, including ones that never see the settings.
 */
/** Registers a secret, with the forms it takes once escaped into JSON, a URL or Base64. */
export declare function registerSecret(value: string | undefined): void;
/** Registers the value of every variable whose name says it holds a secret, and proxy passwords. */
export declare function registerSecretsFromEnvironment(env: NodeJS.ProcessEnv): void;
/** Registers the password of a URL (`scheme://user:password@host`), as given and decoded. */
export declare function registerUrlPassword(value: string): void;
/** The text with every registered secret replaced by `***`; longest first, so no tail survives. */
export declare function maskSecrets(text: string): string;
/** Masks first, then cuts to `limit` characters (cutting first could leave a secret's prefix). */
export declare function maskThenCut(text: string, limit: number, from?: 'start' | 'end'): string;
/** For tests: forgets every registered secret. */
export declare function clearSecrets(): void;
