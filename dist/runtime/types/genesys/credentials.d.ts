import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { type TokenSource } from './oauth.js';
import type { RetryPolicy } from './retry.js';
/**
 * How the client proves who it is: an OAuth client (Client Credentials grant), or an access
 * token someone already has (GENESYSCLOUD_ACCESS_TOKEN, the action's `genesys-access-token`).
 */
export interface Credentials {
    clientId: string;
    clientSecret: string;
    accessToken?: string | undefined;
}
/**
 * A token given as is: no OAuth request is made, and a refused token cannot be renewed, so a
 * 401 fails at once with {@link REFUSED_TOKEN_HINT}.
 */
export declare class AccessTokenSource implements TokenSource {
    private readonly value;
    readonly refusedHint: string;
    constructor(value: string);
    token(): Promise<string>;
    invalidate(): void;
}
/**
 * The token source the credentials call for. Both kinds at once are refused rather than one
 * silently preferred: they may be different identities, with different permissions and a
 * different name in the org's audit log, and a deploy must not run as the unexpected one.
 */
export declare function tokenSourceFor(credentials: Credentials, loginBase: string, options: {
    fetch?: typeof fetch;
    clock?: Clock;
    retry?: RetryPolicy;
    timeoutMs?: number;
    logger?: Logger;
}): TokenSource;
/** Refuses no credentials, half an OAuth client, or both kinds at once (see {@link tokenSourceFor}). */
export declare function checkCredentials(credentials: Credentials): void;
