import { describe, expect, it } from 'vitest';
import { GenesysApiError } from '../../src/errors.js';
import { hintFor, permissionFor } from '../../src/genesys/hints.js';

describe('hints for failed calls', () => {
  it.each([
    ['PUT', '/api/v2/flows/datatables/t/rows/k', 'architect:datatable:edit or architect:datatableRow:edit'],
    ['POST', '/api/v2/flows/datatables/t/rows', 'architect:datatable:add or architect:datatableRow:add'],
    [
      'DELETE',
      '/api/v2/flows/datatables/t/rows/k',
      'architect:datatable:delete or architect:datatableRow:delete',
    ],
    ['GET', '/api/v2/flows/datatables/t/rows', 'architect:datatable:view or architect:datatableRow:view'],
    [
      'POST',
      '/api/v2/flows/datatables/t/import/csv/jobs',
      'architect:datatable:edit or architect:datatableRow:add',
    ],
    ['GET', '/api/v2/flows/datatables/divisionviews', 'architect:datatable:search'],
    ['POST', '/api/v2/flows/datatables', 'architect:datatable:add'],
    ['PUT', '/api/v2/flows/datatables/t', 'architect:datatable:edit'],
    ['GET', '/api/v2/flows/datatables/t', 'architect:datatable:view'],
  ])('%s %s needs %s', (method, path, permission) => {
    expect(permissionFor(method, path)).toBe(permission);
  });

  it('says where the proxy password goes on a 407', () => {
    expect(
      hintFor({ status: 407, code: 'http.407', method: 'GET', path: '/api/v2/flows/datatables' }),
    ).toMatch(
      /^The proxy \(HTTP_PROXY or HTTPS_PROXY\) wants a user and password: give them in its URL, http:\/\/user:password@host:port/,
    );
  });

  it('turns a 403 into the permission to grant', () => {
    const failure = {
      status: 403,
      code: 'missing.any.permissions',
      method: 'PUT',
      path: '/api/v2/flows/datatables/t/rows/k',
    };
    expect(hintFor(failure)).toBe(
      "The OAuth client needs architect:datatable:edit or architect:datatableRow:edit in the table's division: add a role that grants it to the client's role divisions.",
    );
  });

  it('says a retry-exhausted 429 is about the budget, and a 5xx is not the request', () => {
    expect(hintFor({ status: 429, code: 'too.many.requests', method: 'GET', path: '/x' })).toMatch(
      /rate-limit-per-minute/,
    );
    expect(hintFor({ status: 503, code: 'service.unavailable', method: 'GET', path: '/x' })).toMatch(
      /Run again later/,
    );
    expect(hintFor({ status: 400, code: 'bad.request', method: 'GET', path: '/x' })).toBeUndefined();
  });

  it('renders a failure with status, code, service message, call, attempts and correlation id', () => {
    const error = new GenesysApiError(
      {
        status: 503,
        code: 'service.unavailable',
        serviceMessage: 'busy',
        method: 'GET',
        path: '/p',
        correlationId: 'c-1',
        attempts: 6,
      },
      'Run again later.',
    );
    expect(error.message).toBe('503 service.unavailable: busy (GET /p after 6 attempts, correlation id c-1)');
    expect(error.describe()).toBe(`${error.message}\n  fix: Run again later.`);
    expect(error.name).toBe('GenesysApiError');
  });
});
