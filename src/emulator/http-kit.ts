import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorBody } from '../genesys/types.js';

/** Thrown by handlers; the server turns it into an ErrorBody response. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Partial<ErrorBody> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (code: string, message = 'Not found'): ServiceError =>
  new ServiceError(404, code, message);
export const badRequest = (
  message: string,
  code = 'bad.request',
  extra: Partial<ErrorBody> = {},
): ServiceError => new ServiceError(400, code, message, extra);

/** Headers every API response carries, like the real service. */
export function standardHeaders(correlationId: string): Record<string, string> {
  return {
    'inin-correlation-id': correlationId,
    'cache-control': 'no-cache, no-store, must-revalidate',
    pragma: 'no-cache',
    expires: '0',
  };
}

export function newCorrelationId(): string {
  return randomUUID();
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (body === undefined || status === 204) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function errorBody(error: ServiceError, correlationId: string): ErrorBody {
  return {
    message: error.message,
    code: error.code,
    status: error.status,
    contextId: correlationId,
    details: [],
    errors: [],
    ...error.extra,
  };
}

/** Reads the request body, refusing more than `maxBytes` (Genesys: request.bytes.max). */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): ServiceError {
  return new ServiceError(413, 'request.entity.too.large', `The request is over the ${maxBytes} byte limit`, {
    limit: { key: 'request.bytes.max', namespace: 'platform.api', value: maxBytes },
  });
}

/** Parses a JSON request body; an empty body is `undefined`. */
export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
}
