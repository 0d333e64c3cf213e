import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { Purge } from './types.js';

/**
 * The receiving end of the deploy's invalidation webhook (src/deploy/webhook.ts), as a plain
 * `node:http` handler: `http.createServer(handler)`, or `app.post(path, handler)` in Express
 * (mounted before any body parser: the signature is over the exact bytes; a parser that keeps
 * them as `req.rawBody` works too). Fastify: `(request, reply) => handler(request.raw, reply.raw)`
 * in a route whose body is left unparsed.
 *
 * Answers: 204 accepted · 401 bad or missing signature · 400 malformed event · 409 replay
 * (outside the replay window, or a delivery already accepted) · 413 body too large · 405 not a
 * POST · 500 `onPurge` threw (the sender retries).
 */
export interface PurgeHandlerOptions {
  /** The HMAC secret the deploy signs with (DATATABLE_DEPLOY_WEBHOOK_SECRET / invalidation-webhook-secret). */
  secret: string;
  /** How far `deployedAt` may be from now, either way (default 300 s; clocks drift). */
  replayWindowSeconds?: number;
  /** Called once per accepted event, with one purge per table. */
  onPurge(purges: Purge[]): void | Promise<void>;
  clock?: Clock;
  /** Largest body read (default 64 KiB; an event names tables, it is small). */
  maxBodyBytes?: number;
  /** Accepted deliveries remembered to refuse repeats (default 10,000; the oldest go first). */
  maxRemembered?: number;
}

// The header names the deploy sends (copied from src/deploy/webhook.ts: the runtime bundle must not
// pull in the deploy code).
const SIGNATURE_HEADER = 'x-datatable-deploy-signature';
const DELIVERY_HEADER = 'x-datatable-deploy-delivery';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function createPurgeHandler(options: PurgeHandlerOptions): Handler {
  if (!options.secret) throw new TypeError('createPurgeHandler needs the webhook secret (options.secret).');
  const clock = options.clock ?? systemClock;
  const windowMs = (options.replayWindowSeconds ?? 300) * 1000;
  const limit = options.maxBodyBytes ?? 64 * 1024;
  // Two ids per delivery (see below).
  const seen = new Deliveries(2 * (options.maxRemembered ?? 10_000));

  return (req, res) => {
    if (req.method !== 'POST') return answer(res, 405, 'only POST', { allow: 'POST' });
    void readBody(req, limit).then(
      async (body) => {
        if (body === undefined)
          return answer(res, 413, `the body is larger than ${limit} bytes`, { connection: 'close' });
        // Authenticate before parsing: nothing of an unsigned body is looked at.
        if (!signedBy(body, req.headers[SIGNATURE_HEADER], options.secret))
          return answer(res, 401, 'bad or missing signature');
        const event = parseEvent(body);
        if (typeof event === 'string') return answer(res, 400, event);
        const now = clock.now();
        if (Math.abs(now - Date.parse(event.deployedAt)) > windowMs)
          return answer(res, 409, 'the event is outside the replay window');
        // A delivery is named by its header and, since headers are not signed, by its signed
        // body too: a captured request sent again under another delivery id is still a repeat.
        const ids = [String(req.headers[SIGNATURE_HEADER]), headerText(req.headers[DELIVERY_HEADER])];
        if (ids.some((id) => id && seen.has(id, now)))
          return answer(res, 409, 'this delivery was accepted already');
        // Remembered before onPurge runs, so that a copy arriving meanwhile is refused too; forgotten
        // when it fails, so that the sender's retry is taken.
        for (const id of ids) if (id) seen.add(id, now, now + windowMs * 2);
        try {
          await options.onPurge(purgesOf(event));
        } catch {
          for (const id of ids) if (id) seen.delete(id);
          return answer(res, 500, 'the purge could not be handled');
        }
        answer(res, 204);
      },
      () => answer(res, 400, 'the body could not be read'),
    );
  };
}

/**
 * The event as the deploy sends it; older deploys sent neither `versions` nor `deployId`. A
 * restore (a failed deploy's rollback, or a manual one) sends the same event with `reason:
 * 'rollback'` and the versions it wrote above the deploy's: it purges like any other.
 */
interface ReceivedEvent {
  reason?: string;
  tables: string[];
  version: number;
  versions?: Record<string, number>;
  deployId?: string;
  deployedAt: string;
}

/** The purges an event stands for: one per table, at the version it now holds. */
function purgesOf(event: ReceivedEvent): Purge[] {
  return event.tables.map((table) => ({
    table,
    version: event.versions?.[table] ?? event.version,
    deployId: event.deployId ?? '',
    at: event.deployedAt,
  }));
}

/** The event, or why it is malformed. */
function parseEvent(body: Buffer): ReceivedEvent | string {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return 'the body is not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'the body is not a JSON object';
  const event = value as Record<string, unknown>;
  if (event.event !== 'datatables.deployed') return 'not a datatables.deployed event';
  if (!Array.isArray(event.tables) || !event.tables.every((table) => typeof table === 'string'))
    return '"tables" is not a list of names';
  if (!isVersion(event.version)) return '"version" is not a whole number';
  if (event.versions !== undefined) {
    const versions = event.versions;
    if (typeof versions !== 'object' || versions === null || !Object.values(versions).every(isVersion))
      return '"versions" is not a map of table names to whole numbers';
  }
  if (event.deployId !== undefined && typeof event.deployId !== 'string') return '"deployId" is not a string';
  // Any text: reasons other than "deploy" and "rollback" may come from newer senders.
  if (event.reason !== undefined && typeof event.reason !== 'string') return '"reason" is not a string';
  if (typeof event.deployedAt !== 'string' || Number.isNaN(Date.parse(event.deployedAt)))
    return '"deployedAt" is not a time';
  return event as unknown as ReceivedEvent;
}

const isVersion = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Timing-safe check of `sha256=<hex>` against the HMAC of the exact body. */
function signedBy(body: Buffer, header: string | string[] | undefined, secret: string): boolean {
  const text = headerText(header);
  if (!/^sha256=[0-9a-f]{64}$/i.test(text)) return false;
  const expected = createHmac('sha256', secret).update(body).digest();
  return timingSafeEqual(Buffer.from(text.slice(7), 'hex'), expected);
}

const headerText = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value) ?? '';

/**
 * The raw body, or undefined when it is larger than `limit` (the rest is not kept). A body a
 * framework already read is taken from `req.rawBody` (or a Buffer/string `req.body`).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const parsed = req as IncomingMessage & { rawBody?: unknown; body?: unknown };
  const given = [parsed.rawBody, parsed.body].find(
    (item) => Buffer.isBuffer(item) || typeof item === 'string',
  );
  if (given !== undefined) {
    const buffer = Buffer.isBuffer(given) ? given : Buffer.from(given as string, 'utf8');
    return Promise.resolve(buffer.length > limit ? undefined : buffer);
  }
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping it, answer, and let the rest drain (the connection is closed after).
        resolve(undefined);
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(
  res: ServerResponse,
  status: number,
  message?: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  if (message === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${message}\n`);
}

/** Accepted delivery ids until they expire, at most `max` of them (the oldest go first). */
class Deliveries {
  private readonly ids = new Map<string, number>();

  constructor(private readonly max: number) {}

  has(id: string, now: number): boolean {
    const expires = this.ids.get(id);
    return expires !== undefined && expires > now;
  }

  add(id: string, now: number, expires: number): void {
    this.ids.delete(id);
    this.ids.set(id, expires);
    // Insertion order is expiry order (one window for all): drop the expired, then the excess.
    for (const [key, at] of this.ids) {
      if (at > now && this.ids.size <= this.max) break;
      this.ids.delete(key);
    }
  }

  delete(id: string): void {
    this.ids.delete(id);
  }
}
