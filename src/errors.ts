/**
 * The project's few typed errors. Each carries a `hint`: the sentence that tells a person how to
 * fix the problem. Messages never contain secrets or tokens.
 */
export class DatatableDeployError extends Error {
  /** What to do about it, as one or two sentences. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
  }

  /** The message followed by the hint, for terminals and logs. */
  describe(): string {
    return this.hint ? `${this.message}\n  fix: ${this.hint}` : this.message;
  }
}

/** A setting, input or argument is missing or malformed. Nothing was sent anywhere. */
export class ConfigurationError extends DatatableDeployError {}

/** Details of a failed Genesys Cloud call, as far as the service said them. */
export interface ApiFailure {
  /** HTTP status, or 0 when no response arrived (connection refused, reset, timeout). */
  status: number;
  /** Genesys's error code (`bad.credentials`, `flows.datatables.syntax.error`, …) or ours for network failures. */
  code: string;
  /** The service's own message. */
  serviceMessage: string;
  method: string;
  /** Path of the request, without query string. */
  path: string;
  /** `ININ-Correlation-Id` / `contextId`: quote it to Genesys support. */
  correlationId?: string | undefined;
  /** How many attempts were made before giving up. */
  attempts: number;
  /** The parsed ErrorBody, when the service sent one. */
  body?: unknown;
}

/** Genesys Cloud answered with an error, or could not be reached, after any retries. */
export class GenesysApiError extends DatatableDeployError implements ApiFailure {
  readonly status: number;
  readonly code: string;
  readonly serviceMessage: string;
  readonly method: string;
  readonly path: string;
  readonly correlationId: string | undefined;
  readonly attempts: number;
  readonly body: unknown;

  constructor(failure: ApiFailure, hint?: string, options?: ErrorOptions) {
    const where = `${failure.method} ${failure.path}`;
    // No response: the message says what happened; a status and an internal code would not.
    const status = failure.status === 0 ? '' : `${failure.status} ${failure.code}: `;
    const tries = failure.attempts > 1 ? ` after ${failure.attempts} attempts` : '';
    const correlation = failure.correlationId ? `, correlation id ${failure.correlationId}` : '';
    super(`${status}${failure.serviceMessage} (${where}${tries}${correlation})`, hint, options);
    this.status = failure.status;
    this.code = failure.code;
    this.serviceMessage = failure.serviceMessage;
    this.method = failure.method;
    this.path = failure.path;
    this.correlationId = failure.correlationId;
    this.attempts = failure.attempts;
    this.body = failure.body;
  }
}

/** The OAuth service refused the client credentials, or a token was refused twice in a row. */
export class AuthenticationError extends GenesysApiError {}

/** Renders any thrown value for a person: typed errors with their hint, others by message. */
export function describeError(error: unknown): string {
  if (error instanceof DatatableDeployError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * A deploy refused before any write: the plan is stale (the live tables changed since it was
 * computed), or a gate said no. Exit code 3.
 */
export class RefusedError extends DatatableDeployError {}

/** A backup that cannot be used: missing, damaged, or changed after it was written. */
export class BackupError extends DatatableDeployError {}

const FILE_PROBLEMS: Record<string, { reason: string; fix: string }> = {
  ENOENT: {
    reason: 'there is no such file or directory',
    fix: 'Check the path; create the directory first if it is an output.',
  },
  EISDIR: { reason: 'it is a directory', fix: 'Give a file path instead.' },
  ENOTDIR: { reason: 'a part of the path is a file, not a directory', fix: 'Check the path.' },
  EACCES: { reason: 'permission denied', fix: 'Check the permissions, or use another path.' },
  EPERM: { reason: 'not permitted', fix: 'Check the permissions, or use another path.' },
  EROFS: { reason: 'the file system is read-only', fix: 'Use a path on a writable file system.' },
  ENOSPC: { reason: 'no space left on the device', fix: 'Free some disk space and run again.' },
  EEXIST: { reason: 'it already exists', fix: 'Remove it, or use another path.' },
};

/** A file-system error in words (rather than ENOENT), with the usual fix. */
export function fileProblem(error: unknown): { reason: string; fix: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    (code && FILE_PROBLEMS[code]) || {
      reason: code ?? (error instanceof Error ? error.message : String(error)),
      fix: 'Check the path and its permissions.',
    }
  );
}
