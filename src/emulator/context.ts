import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorConfig } from './config.js';
import type { EmulatorState } from './state.js';

/** What a route handler gets for one request. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  /** Raw path, percent-encoding intact. */
  path: string;
  query: URLSearchParams;
  /** Decoded path parameters. */
  params: Record<string, string>;
  /** `http://127.0.0.1:<port>`: for URIs in responses. */
  origin: string;
  state: EmulatorState;
  config: EmulatorConfig;
  correlationId: string;
  /** The OAuth client of the bearer token (API routes only). */
  clientId?: string;
  /** Reads the body, enforcing the size limit. */
  body(): Promise<Buffer>;
  /** Schedules work after a delay; cancelled when the emulator stops. */
  later(delayMs: number, work: () => void): void;
}

/** What a handler answers; errors are thrown as ServiceError. */
export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw text body (CSV downloads). */
  text?: string;
}

export type Handler = (context: RequestContext) => Promise<HandlerResult> | HandlerResult;

export interface Route {
  method: string;
  /** Template such as `/api/v2/flows/datatables/{datatableId}/rows`; also the counter name. */
  template: string;
  handler: Handler;
  /** Which gate the route sits behind. */
  access: 'api' | 'public' | 'admin' | 'upload';
}

/** Finds the route for a path; earlier routes win, so literal segments go first. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | { route: undefined; allowed: string[] } {
  const segments = path.split('/');
  const allowed: string[] = [];
  for (const route of routes) {
    const parts = route.template.split('/');
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index]!;
      const segment = segments[index]!;
      if (part.startsWith('{') && part.endsWith('}')) {
        if (segment === '') {
          matched = false;
          break;
        }
        try {
          params[part.slice(1, -1)] = decodeURIComponent(segment);
        } catch {
          matched = false;
          break;
        }
      } else if (part !== segment) {
        matched = false;
        break;
      }
    }
    if (!matched) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  return { route: undefined, allowed };
}
