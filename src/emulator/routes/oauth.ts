import { randomBytes } from 'node:crypto';
import type { RequestContext, Route } from '../context.js';
import type { TokenRegistry } from '../tokens.js';

/**
 * `POST /oauth/token`, client-credentials grant. Credentials come in a Basic header (as the
 * SDKs send them) or in the form body. Failures use the OAuth error shape, not ErrorBody.
 */
export function oauthRoutes(tokens: TokenRegistry): Route[] {
  async function issueToken(context: RequestContext) {
    const form = new URLSearchParams((await context.body()).toString('utf8'));
    let clientId = form.get('client_id') ?? '';
    let clientSecret = form.get('client_secret') ?? '';
    const authorization = context.req.headers.authorization ?? '';
    if (authorization.startsWith('Basic ')) {
      const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      clientId = decoded.slice(0, colon);
      clientSecret = decoded.slice(colon + 1);
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return {
        status: 400,
        body: {
          error: 'unsupported_grant_type',
          description: 'only client_credentials is supported',
          error_description: 'only client_credentials is supported',
        },
      };
    }
    const client = context.config.clients.find((candidate) => candidate.id === clientId);
    if (!client || client.secret !== clientSecret) {
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          description: 'client not found or bad secret',
          error_description: 'client not found or bad secret',
        },
      };
    }
    const accessToken = randomBytes(24).toString('base64url');
    const lifetime = context.config.tokenLifetimeSeconds;
    tokens.issue(accessToken, client.id, lifetime);
    return { status: 200, body: { access_token: accessToken, token_type: 'bearer', expires_in: lifetime } };
  }
  return [{ method: 'POST', template: '/oauth/token', handler: issueToken, access: 'public' }];
}
