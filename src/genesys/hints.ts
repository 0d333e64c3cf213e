import type { ApiFailure } from '../errors.js';

/**
 * Permissions each data-table operation needs (any one of them), from the API reference.
 * Used to turn a bare 403 into "the OAuth client needs X".
 */
const PERMISSIONS: Array<{ method: string; pattern: RegExp; permissions: string }> = [
  { method: 'GET', pattern: /\/datatables\/divisionviews/, permissions: 'architect:datatable:search' },
  {
    method: 'GET',
    pattern: /\/datatables\/[^/]+\/(import|export)\/jobs/,
    permissions: 'architect:datatable:view or architect:datatableRow:view',
  },
  {
    method: 'POST',
    pattern: /\/datatables\/[^/]+\/import\//,
    permissions: 'architect:datatable:edit or architect:datatableRow:add',
  },
  {
    method: 'POST',
    pattern: /\/datatables\/[^/]+\/export\//,
    permissions: 'architect:datatable:view or architect:datatableRow:view',
  },
  {
    method: 'GET',
    pattern: /\/datatables\/[^/]+\/rows/,
    permissions: 'architect:datatable:view or architect:datatableRow:view',
  },
  {
    method: 'POST',
    pattern: /\/datatables\/[^/]+\/rows/,
    permissions: 'architect:datatable:add or architect:datatableRow:add',
  },
  {
    method: 'PUT',
    pattern: /\/datatables\/[^/]+\/rows/,
    permissions: 'architect:datatable:edit or architect:datatableRow:edit',
  },
  {
    method: 'DELETE',
    pattern: /\/datatables\/[^/]+\/rows/,
    permissions: 'architect:datatable:delete or architect:datatableRow:delete',
  },
  { method: 'GET', pattern: /\/datatables/, permissions: 'architect:datatable:view' },
  { method: 'POST', pattern: /\/datatables$/, permissions: 'architect:datatable:add' },
  { method: 'PUT', pattern: /\/datatables\/[^/]+$/, permissions: 'architect:datatable:edit' },
  { method: 'DELETE', pattern: /\/datatables\/[^/]+$/, permissions: 'architect:datatable:delete' },
];

/** The permission a data-table call needs, or undefined for other paths. */
export function permissionFor(method: string, path: string): string | undefined {
  return PERMISSIONS.find((entry) => entry.method === method && entry.pattern.test(path))?.permissions;
}

/** One or two sentences that tell a person what to do about a failed call. */
export function hintFor(
  failure: Pick<ApiFailure, 'status' | 'code' | 'method' | 'path'>,
): string | undefined {
  const { status, code, method, path } = failure;
  if (status === 401) {
    return 'The access token was refused twice. Check that the OAuth client is active and not deleted, then run again.';
  }
  if (status === 407) {
    return 'The proxy (HTTP_PROXY or HTTPS_PROXY) wants a user and password: give them in its URL, http://user:password@host:port (percent-encode special characters).';
  }
  if (status === 403) {
    const needed = permissionFor(method, path);
    const what = needed ? `needs ${needed}` : 'lacks a permission for this call';
    return `The OAuth client ${what} in the table's division: add a role that grants it to the client's role divisions.`;
  }
  if (status === 404 && code === 'flows.datatables.table.not.found') {
    return 'The data table does not exist (or was deleted, or is in a division the client cannot see). Check the table name or id.';
  }
  if (status === 413 || code === 'request.entity.too.large') {
    return 'The request body is over the 512,000-byte platform limit: shorten the row, or ask Genesys to raise request.bytes.max.';
  }
  if (status === 429) {
    return 'The rate limit was still exceeded after all retries: lower the rate budget (rate-limit-per-minute), or ask Genesys to raise the limit for this OAuth client.';
  }
  if (status >= 500 || status === 0) {
    return 'Genesys Cloud failed or was unreachable; nothing is wrong with the request itself. Run again later.';
  }
  return undefined;
}
