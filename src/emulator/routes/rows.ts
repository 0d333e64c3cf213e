import type { Row } from '../../genesys/types.js';
import type { RequestContext, Route } from '../context.js';
import { badRequest, notFound, parseJson, ServiceError } from '../http-kit.js';
import { pageEnvelope, pageParams } from '../listing.js';
import { checkRow } from '../rules.js';
import { requireTable, TABLES_PATH } from './tables.js';

const ROWS = `${TABLES_PATH}/{datatableId}/rows`;
const ROW = `${ROWS}/{rowId}`;
const ROW_NOT_FOUND = 'flows.datatables.row.not.found';

/** `showbrief` defaults to true on both row GETs: only the key comes back unless it is false. */
function brief(context: RequestContext): boolean {
  return (context.query.get('showbrief') ?? 'true').toLowerCase() !== 'false';
}

const view = (row: Row, showBrief: boolean): Row => (showBrief ? { key: row.key! } : { ...row });

/*
 * Row reads go through the consistency window (state.visibleRow/visibleRows): a recent write may
 * not show yet. Whether the table exists, and every check a write makes, use the true state.
 */

function listRows(context: RequestContext) {
  const table = requireTable(context);
  const order = context.query.get('sortOrder')?.toLowerCase() ?? 'ascending';
  if (order !== 'ascending' && order !== 'descending')
    throw badRequest('sortOrder must be ascending or descending', 'invalid.value');
  const showBrief = brief(context);
  const page = pageParams(context.query, context.config);
  const { rows, total } = context.state.visibleRowPage(
    table,
    (page.pageNumber - 1) * page.pageSize,
    page.pageSize,
    order === 'descending',
  );
  return {
    status: 200,
    body: pageEnvelope(
      rows.map((row) => view(row, showBrief)),
      total,
      page,
      context.path,
      context.query,
    ),
  };
}

function getRow(context: RequestContext) {
  const row = context.state.visibleRow(requireTable(context), context.params.rowId!);
  if (!row) throw notFound(ROW_NOT_FOUND, `No row with key "${context.params.rowId}"`);
  return { status: 200, body: view(row, brief(context)) };
}

async function createRow(context: RequestContext) {
  const table = requireTable(context);
  const row = checkRow(table.schema, parseJson(await context.body()), context.config);
  const key = String(row.key);
  if (table.rows.has(key)) {
    throw new ServiceError(
      context.config.duplicateKeyStatus,
      'flows.datatables.duplicate.key',
      `A row with key "${key}" already exists`,
    );
  }
  if (table.rows.size >= context.config.maxRowsPerTable) {
    throw badRequest(
      `The table already has the maximum of ${context.config.maxRowsPerTable} rows`,
      'flows.datatables.row.limit.exceeded',
      {
        limit: {
          key: 'datatable.rows.max',
          namespace: 'flows.datatables',
          value: context.config.maxRowsPerTable,
        },
      },
    );
  }
  context.state.writeRow(table, key, row);
  return { status: context.config.createStatus, body: { ...row } };
}

/** PUT replaces the row: fields left out revert to their defaults. */
async function replaceRow(context: RequestContext) {
  const table = requireTable(context);
  const key = context.params.rowId!;
  if (!table.rows.has(key)) throw notFound(ROW_NOT_FOUND, `No row with key "${key}"`);
  const row = checkRow(table.schema, parseJson(await context.body()) ?? {}, context.config, key);
  context.state.writeRow(table, key, row);
  return { status: 200, body: { ...row } };
}

function deleteRow(context: RequestContext) {
  const table = requireTable(context);
  const key = context.params.rowId!;
  if (!table.rows.has(key)) throw notFound(ROW_NOT_FOUND, `No row with key "${key}"`);
  context.state.writeRow(table, key, undefined);
  return { status: context.config.deleteStatus };
}

export const rowRoutes: Route[] = [
  { method: 'GET', template: ROWS, handler: listRows, access: 'api' },
  { method: 'POST', template: ROWS, handler: createRow, access: 'api' },
  { method: 'GET', template: ROW, handler: getRow, access: 'api' },
  { method: 'PUT', template: ROW, handler: replaceRow, access: 'api' },
  { method: 'DELETE', template: ROW, handler: deleteRow, access: 'api' },
];
