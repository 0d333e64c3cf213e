import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy that a test can cut and restore: its clients lose their connections (and cannot
 * make new ones) while the server behind it stays up, so that others can go on using the server
 * meanwhile. Deterministic, unlike racing a client's reconnection after a server restart.
 */
export interface TcpProxy {
  readonly port: number;
  /** Drops every connection and refuses new ones (they are closed at once). */
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

/**
 * Pipes two sockets into each other, tracked in `sockets` while open. Either end failing or
 * closing ends the pair: the client sees a dropped connection, as in an outage.
 */
export function joinSockets(client: Socket, upstream: Socket, sockets: Set<Socket>): void {
  for (const socket of [client, upstream]) {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
  client.pipe(upstream);
  upstream.pipe(client);
  client.on('close', () => upstream.destroy());
  upstream.on('close', () => client.destroy());
}

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let open = true;
  const server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    joinSockets(client, createConnection({ port: targetPort, host: targetHost }), sockets);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropAll = (): void => {
    for (const socket of sockets) socket.destroy();
  };
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      open = false;
      dropAll();
    },
    restore: () => {
      open = true;
    },
    close: () =>
      new Promise((resolve) => {
        dropAll();
        server.close(() => resolve());
      }),
  };
}
