import type { RequestContext, Route } from '../context.js';
import { envelope, nameFilter, pageParams } from '../listing.js';

/**
 * `GET /api/v2/authorization/divisions`: enough of the authorization API to find a division's
 * id by name, which creating a table in a named division needs.
 */
function listDivisions(context: RequestContext) {
  const name = context.query.get('name');
  const divisions = context.state.divisions
    .filter((division) => !name || nameFilter(name)(division.name ?? ''))
    .map((division) => ({ ...division, selfUri: `/api/v2/authorization/divisions/${division.id}` }));
  return {
    status: 200,
    body: envelope(divisions, pageParams(context.query, context.config), context.path, context.query),
  };
}

export const divisionRoutes: Route[] = [
  { method: 'GET', template: '/api/v2/authorization/divisions', handler: listDivisions, access: 'api' },
];
