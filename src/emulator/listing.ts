import type { EntityListing } from '../genesys/types.js';
import type { EmulatorConfig } from './config.js';
import { badRequest } from './http-kit.js';

/** Reads `pageNumber`/`pageSize`, applying the configured maximum (reject or clamp). */
export function pageParams(
  query: URLSearchParams,
  config: EmulatorConfig,
): { pageNumber: number; pageSize: number } {
  const pageNumber = intParam(query, 'pageNumber', 1);
  let pageSize = intParam(query, 'pageSize', 25);
  if (pageNumber < 1) throw badRequest('pageNumber must be 1 or more', 'invalid.value');
  if (pageSize < 1) throw badRequest('pageSize must be 1 or more', 'invalid.value');
  if (pageSize > config.maxPageSize) {
    if (config.pageSizeOverflow === 'reject') {
      throw badRequest(`pageSize must be at most ${config.maxPageSize}`, 'invalid.value', {
        details: [{ fieldName: 'pageSize' }],
      });
    }
    pageSize = config.maxPageSize;
  }
  return { pageNumber, pageSize };
}

function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`${name} must be a whole number`, 'invalid.value');
  return Number(raw);
}

/**
 * The Genesys page envelope. `path` and `query` build the first/next/previous/last/self URIs,
 * keeping the caller's other parameters; `withUris: false` gives the bare form the import-jobs
 * listing uses.
 */
export function envelope<T>(
  items: readonly T[],
  page: { pageNumber: number; pageSize: number },
  path: string,
  query: URLSearchParams,
  withUris = true,
): EntityListing<T> {
  const start = (page.pageNumber - 1) * page.pageSize;
  return pageEnvelope(items.slice(start, start + page.pageSize), items.length, page, path, query, withUris);
}

/** The envelope of a page already cut from `total` items. */
export function pageEnvelope<T>(
  entities: T[],
  total: number,
  page: { pageNumber: number; pageSize: number },
  path: string,
  query: URLSearchParams,
  withUris = true,
): EntityListing<T> {
  const pageCount = Math.ceil(total / page.pageSize);
  const listing: EntityListing<T> = {
    entities,
    pageSize: page.pageSize,
    pageNumber: page.pageNumber,
    total,
    pageCount,
  };
  if (!withUris) return listing;
  const uri = (pageNumber: number): string => {
    const params = new URLSearchParams(query);
    params.set('pageSize', String(page.pageSize));
    params.set('pageNumber', String(pageNumber));
    return `${path}?${params.toString()}`;
  };
  listing.firstUri = uri(1);
  listing.selfUri = uri(page.pageNumber);
  listing.lastUri = uri(Math.max(1, pageCount));
  listing.nextUri = page.pageNumber < pageCount ? uri(page.pageNumber + 1) : null;
  listing.previousUri = page.pageNumber > 1 ? uri(page.pageNumber - 1) : null;
  return listing;
}

/** Genesys name filters: case-insensitive, `*` is a wildcard, otherwise an exact match. */
export function nameFilter(pattern: string): (name: string) => boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  const regex = new RegExp(`^${escaped}$`, 'i');
  return (name) => regex.test(name);
}
