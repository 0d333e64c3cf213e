import type { Clock } from '../clock.js';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { registerSecret } from '../secrets.js';
import { ClientCredentialsTokenSource, type TokenSource } from './oauth.js';
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

const REFUSED_TOKEN_HINT =
  'The access token (GENESYSCLOUD_ACCESS_TOKEN, or the genesys-access-token input) has expired, was revoked, ' +
  'or belongs to another org or region. Get a new token, or use an OAuth client instead ' +
  '(GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET), whose tokens are renewed as needed.';

/**
 * A token given as is: no OAuth request is made, and a refused token cannot be renewed, so a
 * 401 fails at once with {@link REFUSED_TOKEN_HINT}.
 */
export class AccessTokenSource implements TokenSource {
  readonly refusedHint = REFUSED_TOKEN_HINT;

  constructor(private readonly value: string) {}

  token(): Promise<string> {
    return Promise.resolve(this.value);
  }

  invalidate(): void {
    // Nothing to forget: there is no other token to fetch.
  }
}

/**
 * The token source the credentials call for. Both kinds at once are refused rather than one
 * silently preferred: they may be different identities, with different permissions and a
 * different name in the org's audit log, and a deploy must not run as the unexpected one.
 */
export function tokenSourceFor(
  credentials: Credentials,
  loginBase: string,
  options: { fetch?: typeof fetch; clock?: Clock; retry?: RetryPolicy; timeoutMs?: number; logger?: Logger },
): TokenSource {
  checkCredentials(credentials);
  const accessToken = credentials.accessToken?.trim();
  if (accessToken) {
    registerSecret(accessToken);
    return new AccessTokenSource(accessToken);
  }
  const { clientId, clientSecret } = credentials;
  return new ClientCredentialsTokenSource(loginBase, { clientId, clientSecret }, options);
}

/** Refuses no credentials, half an OAuth client, or both kinds at once (see {@link tokenSourceFor}). */
export function checkCredentials(credentials: Credentials): void {
  const accessToken = credentials.accessToken?.trim();
  const { clientId, clientSecret } = credentials;
  if (accessToken && (clientId || clientSecret)) {
    throw new ConfigurationError(
      'Both an access token and an OAuth client id or secret were given; the tool will not guess which identity to act as.',
      'Give one: unset GENESYSCLOUD_ACCESS_TOKEN (input genesys-access-token) to use the OAuth client, or unset ' +
        'GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (inputs genesys-client-id and genesys-client-secret) to use the token.',
    );
  }
  if (!accessToken && (!clientId || !clientSecret)) {
    throw new ConfigurationError(
      'The Genesys Cloud OAuth client id or secret is missing.',
      'Set GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET (a Client Credentials OAuth client), or GENESYSCLOUD_ACCESS_TOKEN.',
    );
  }
}
