import { randomUUID } from 'node:crypto';
import type { DataTable } from '../../genesys/types.js';
import type { RequestContext, Route } from '../context.js';
import { badRequest, notFound, parseJson, ServiceError } from '../http-kit.js';
import { envelope, nameFilter, pageParams } from '../listing.js';
import { checkSchema, checkSchemaUpdate } from '../rules.js';
import { RowMap } from '../row-map.js';
import type { StoredTable, TableMeta } from '../state.js';

export const TABLES_PATH = '/api/v2/flows/datatables';
const TABLE_NOT_FOUND = 'flows.datatables.table.not.found';

export function tableView(table: TableMeta, withSchema: boolean): DataTable {
  const selfUri = `${TABLES_PATH}/${table.id}`;
  return {
    id: table.id,
    name: table.name,
    ...(table.description !== undefined ? { description: table.description } : {}),
    division: { ...table.division, selfUri: `/api/v2/authorization/divisions/${table.division.id}` },
    ...(withSchema ? { schema: structuredClone(table.schema) } : {}),
    selfUri,
  };
}

/** The table as it truly is: for writes, row routes and jobs. */
export function requireTable(context: RequestContext): StoredTable {
  const table = context.state.tables.get(context.params.datatableId!);
  if (!table) throw notFound(TABLE_NOT_FOUND);
  return table;
}

/** The table as table reads see it, which may lag its creation, updates and deletion. */
function requireVisibleTable(context: RequestContext): TableMeta {
  const table = context.state.visibleTable(context.params.datatableId!);
  if (!table) throw notFound(TABLE_NOT_FOUND);
  return table;
}

const wantsSchema = (context: RequestContext): boolean =>
  (context.query.get('expand') ?? '').split(',').includes('schema');

function listTables(context: RequestContext) {
  const { query, state } = context;
  let tables = state.visibleTables();
  const name = query.get('name');
  if (name) tables = tables.filter((table) => nameFilter(name)(table.name));
  // Array parameters arrive comma-joined (the SDKs) or repeated.
  const divisions = query
    .getAll('divisionId')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  if (divisions.length > 0) tables = tables.filter((table) => divisions.includes(table.division.id));
  const sortBy = query.get('sortBy') ?? 'id';
  if (sortBy !== 'id' && sortBy !== 'name') throw badRequest('sortBy must be id or name', 'invalid.value');
  tables.sort((a, b) => (sortBy === 'name' ? a.name.localeCompare(b.name) : a.id.localeCompare(b.id)));
  if (query.get('sortOrder')?.toLowerCase() === 'descending') tables.reverse();
  const withSchema = wantsSchema(context);
  const views = tables.map((table) => tableView(table, withSchema));
  return { status: 200, body: envelope(views, pageParams(query, context.config), context.path, query) };
}

function checkName(context: RequestContext, name: unknown, except?: string): string {
  if (typeof name !== 'string' || name.trim() === '') throw badRequest('The data table needs a name');
  if (name.length > 256) throw badRequest('A data table name may be at most 256 characters');
  if (/[/\\]/.test(name)) throw badRequest('A data table name may not contain / or \\');
  const clash = context.state.findTableByName(name);
  if (clash && clash.id !== except) {
    throw new ServiceError(
      409,
      'flows.datatables.name.conflict',
      `A data table named "${name}" already exists`,
      {
        entityId: clash.id,
        entityName: clash.name,
      },
    );
  }
  return name;
}

function divisionOf(context: RequestContext, value: unknown) {
  if (value === undefined) return context.state.divisions[0]!;
  const id = (value as { id?: unknown } | null)?.id;
  const division = typeof id === 'string' ? context.state.division(id) : undefined;
  if (!division) throw badRequest(`Division ${JSON.stringify(id)} does not exist`, 'invalid.value');
  return division;
}

async function createTable(context: RequestContext) {
  const body = parseJson(await context.body()) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') throw badRequest('The request needs a data table object');
  const name = checkName(context, body.name);
  if (context.state.tables.size >= context.config.maxTablesPerOrg) {
    throw badRequest(
      `The org already has the maximum of ${context.config.maxTablesPerOrg} data tables`,
      'flows.datatables.table.limit.exceeded',
      {
        limit: {
          key: 'datatables.max',
          namespace: 'flows.datatables',
          value: context.config.maxTablesPerOrg,
        },
      },
    );
  }
  const schema = checkSchema(body.schema, context.config);
  // The schema's title is overridden by the table name (SDK description of POST).
  schema.title = name;
  const table: StoredTable = {
    id: randomUUID(),
    name,
    description: typeof body.description === 'string' ? body.description : undefined,
    division: divisionOf(context, body.division),
    schema,
    rows: new RowMap(),
  };
  context.state.addTable(table);
  return { status: context.config.createStatus, body: tableView(table, true) };
}

async function updateTable(context: RequestContext) {
  const table = requireTable(context);
  const body = parseJson(await context.body()) as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') throw badRequest('The request needs a data table object');
  if (body.id !== undefined && body.id !== table.id)
    throw badRequest('The id in the body does not match the path');
  const name = checkName(context, body.name ?? table.name, table.id);
  const schema = checkSchema(body.schema, context.config);
  checkSchemaUpdate(table.schema, schema);
  schema.title = name;
  const division = body.division !== undefined ? divisionOf(context, body.division) : table.division;
  context.state.updateTable(table, () => {
    table.name = name;
    if (typeof body.description === 'string') table.description = body.description;
    table.division = division;
    table.schema = schema;
  });
  return { status: 200, body: tableView(table, wantsSchema(context)) };
}

function deleteTable(context: RequestContext) {
  const table = requireTable(context);
  // `force` exists for tables used by flows; the emulator has no flows, so it is accepted and moot.
  context.state.deleteTable(table);
  return { status: context.config.deleteStatus };
}

function getTable(context: RequestContext) {
  return { status: 200, body: tableView(requireVisibleTable(context), wantsSchema(context)) };
}

export const tableRoutes: Route[] = [
  { method: 'GET', template: TABLES_PATH, handler: listTables, access: 'api' },
  { method: 'POST', template: TABLES_PATH, handler: createTable, access: 'api' },
  // divisionviews comes before {datatableId} so that the literal segment wins.
  { method: 'GET', template: `${TABLES_PATH}/divisionviews`, handler: listTables, access: 'api' },
  { method: 'GET', template: `${TABLES_PATH}/divisionviews/{datatableId}`, handler: getTable, access: 'api' },
  { method: 'GET', template: `${TABLES_PATH}/{datatableId}`, handler: getTable, access: 'api' },
  { method: 'PUT', template: `${TABLES_PATH}/{datatableId}`, handler: updateTable, access: 'api' },
  { method: 'DELETE', template: `${TABLES_PATH}/{datatableId}`, handler: deleteTable, access: 'api' },
];
