/**
 * The project's few typed errors. Each carries a `hint`: the sentence that tells a person how to
 * fix the problem. Messages never contain secrets or tokens.
 */
export declare class DatatableDeployError extends Error {
    /** What to do about it, as one or two sentences. */
    readonly hint: string | undefined;
    constructor(message: string, hint?: string, options?: ErrorOptions);
    /** The message followed by the hint, for terminals and logs. */
    describe(): string;
}
/** A setting, input or argument is missing or malformed. Nothing was sent anywhere. */
export declare class ConfigurationError extends DatatableDeployError {
}
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
export declare class GenesysApiError extends DatatableDeployError implements ApiFailure {
    readonly status: number;
    readonly code: string;
    readonly serviceMessage: string;
    readonly method: string;
    readonly path: string;
    readonly correlationId: string | undefined;
    readonly attempts: number;
    readonly body: unknown;
    constructor(failure: ApiFailure, hint?: string, options?: ErrorOptions);
}
/** The OAuth service refused the client credentials, or a token was refused twice in a row. */
export declare class AuthenticationError extends GenesysApiError {
}
/** Renders any thrown value for a person: typed errors with their hint, others by message. */
export declare function describeError(error: unknown): string;
/**
 * A deploy refused before any write: the plan is stale (the live tables changed since it was
 * computed), or a gate said no. Exit code 3.
 */
export declare class RefusedError extends DatatableDeployError {
}
/** A backup that cannot be used: missing, damaged, or changed after it was written. */
export declare class BackupError extends DatatableDeployError {
}
/** A file-system error in words (rather than ENOENT), with the usual fix. */
export declare function fileProblem(error: unknown): {
    reason: string;
    fix: string;
};
