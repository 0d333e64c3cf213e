import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADER, signBody } from '../deploy/webhook.js';
import type { DataTablesApi } from '../genesys/datatables.js';

/**
 * A stand-in for a contact-center plugin that reads its settings from the data table: its
 * /health answers 503 when a setting is out of range, and /invalidate takes the deploy's
 * signed event. Only for the demo.
 */
export async function startExamplePlugin(tables: DataTablesApi, tableId: string, secret: string) {
  const events: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      if (req.url === '/invalidate' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const valid = req.headers[SIGNATURE_HEADER] === signBody(body, secret);
        events.push(
          valid
            ? `signed event for version ${(JSON.parse(body) as { version: number }).version}`
            : 'an event with a bad signature',
        );
        res.writeHead(valid ? 204 : 401).end();
        return;
      }
      const rows = await tables.listRows(tableId);
      const maxCalls = Number(rows.find((row) => row.key === 'max_concurrent_calls')?.config_value);
      const configVersion = Math.max(0, ...rows.map((row) => Number(row.version ?? 0)));
      const healthy = maxCalls > 0 && maxCalls <= 1_000;
      res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ status: healthy ? 'ok' : 'degraded', configVersion, maxConcurrentCalls: maxCalls }),
      );
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    events,
    [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
