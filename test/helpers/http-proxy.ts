import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { joinSockets } from './tcp-proxy.js';

/**
 * A forward proxy as corporate networks run them: plain-http requests in absolute form
 * (`GET http://host/path`) are forwarded one by one, https ones go through a CONNECT tunnel.
 * It records what it was asked for, and the local ports of the connections it opened upstream
 * so that a test can tell which connections a server got came through it.
 */
export interface TestProxy {
  readonly url: string;
  /** `GET http://127.0.0.1:1234/api/v2/…` or `CONNECT localhost:1234`, in arrival order. */
  readonly requests: string[];
  /** Requests refused for want of the right Proxy-Authorization (407). */
  refused: number;
  readonly upstreamPorts: Set<number>;
  close(): Promise<void>;
}

export async function startTestProxy(auth?: { user: string; password: string }): Promise<TestProxy> {
  const expected = auth && `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  const sockets = new Set<Socket>();
  const proxy: TestProxy = {
    url: '',
    requests: [],
    refused: 0,
    upstreamPorts: new Set(),
    close: () => closeServer(server, sockets),
  };
  const authorised = (incoming: IncomingMessage) =>
    expected === undefined || incoming.headers['proxy-authorization'] === expected;

  const server = createServer((incoming, outgoing) => {
    if (!authorised(incoming)) {
      proxy.refused += 1;
      outgoing.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    proxy.requests.push(`${incoming.method} ${incoming.url}`);
    const headers = { ...incoming.headers };
    delete headers['proxy-authorization'];
    const upstream = request(incoming.url!, { method: incoming.method, headers, agent: false }, (answer) => {
      outgoing.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(outgoing);
    });
    upstream.on('socket', (socket) => socket.on('connect', () => proxy.upstreamPorts.add(socket.localPort!)));
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  server.on('connect', (incoming: IncomingMessage, client: Socket, head: Buffer) => {
    if (!authorised(incoming)) {
      proxy.refused += 1;
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n',
      );
      return;
    }
    proxy.requests.push(`CONNECT ${incoming.url}`);
    const [host, port] = splitHostPort(incoming.url!);
    const upstream = connect({ host, port }, () => {
      proxy.upstreamPorts.add(upstream.localPort!);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      joinSockets(client, upstream, sockets);
    });
    // Until they are joined: a failure of either end ends the other.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const credentials = auth ? `${encodeURIComponent(auth.user)}:${encodeURIComponent(auth.password)}@` : '';
  return Object.assign(proxy, {
    url: `http://${credentials}127.0.0.1:${(server.address() as AddressInfo).port}`,
  });
}

/**
 * https in front of a plain-http server (the emulator): TLS is ended here and the bytes passed
 * on, so that a client reaches the server at `https://127.0.0.1:<port>` as it would Genesys.
 * The certificate is made for the test run (see {@link testCertificate}); clients trust it via
 * NODE_EXTRA_CA_CERTS.
 */
export interface TlsFront {
  readonly url: string;
  /** Remote ports of the connections it accepted: the proxy's upstream ports when it was used. */
  readonly clientPorts: number[];
  close(): Promise<void>;
}

/**
 * A self-signed certificate for localhost and 127.0.0.1, made by openssl for this test run (no
 * private key is kept in the repository); its certificate file is what clients trust.
 */
export const testCertificate = (() => {
  let made: { key: string; cert: string } | undefined;
  return () => {
    if (made) return made;
    const dir = mkdtempSync(join(tmpdir(), 'datatable-deploy-tls-'));
    made = { key: join(dir, 'localhost.key'), cert: join(dir, 'localhost.crt') };
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost']
        .concat(['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'])
        .concat(['-keyout', made.key, '-out', made.cert]),
      { stdio: 'ignore' },
    );
    return made;
  };
})();

export async function startTlsFront(targetPort: number): Promise<TlsFront> {
  const sockets = new Set<Socket>();
  const clientPorts: number[] = [];
  const server = createTlsServer(
    {
      key: readFileSync(testCertificate().key),
      cert: readFileSync(testCertificate().cert),
    },
    (client) => {
      clientPorts.push(client.remotePort!);
      joinSockets(client, connect({ host: '127.0.0.1', port: targetPort }), sockets);
    },
  );
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientPorts,
    close: () => closeServer(server, sockets),
  };
}

function splitHostPort(authority: string): [string, number] {
  const colon = authority.lastIndexOf(':');
  return [authority.slice(0, colon).replace(/^\[|\]$/g, ''), Number(authority.slice(colon + 1))];
}

function closeServer(
  server: Server | ReturnType<typeof createTlsServer>,
  sockets: Set<Socket>,
): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((done) => server.close(() => done()));
}
