// A loopback HTTP server publishing a list the way the UN's address does: /list.xml with an ETag (304 when the
// client holds it), /error answering 500, and whatever other paths a test adds. It counts hits per path and keeps
// the If-None-Match values it received.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListServer {
  base: string;
  /** What /list.xml serves; replace it to publish a new list. */
  served: { body: string; etag: string };
  hits: Record<string, number>;
  conditional: string[];
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1; `more` answers any other path it knows and returns true, else 404. */
export async function listServer(served: ListServer['served'], more: (path: string, res: ServerResponse) => boolean = () => false): Promise<ListServer> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    s.hits[path] = (s.hits[path] ?? 0) + 1;
    if (path === '/list.xml') {
      const { body, etag } = s.served;
      if (req.headers['if-none-match']) s.conditional.push(String(req.headers['if-none-match']));
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'application/xml', etag, 'last-modified': 'Sat, 09 May 2026 23:00:04 GMT' });
      res.end(body);
    } else if (path === '/error') {
      res.writeHead(500);
      res.end('internal error');
    } else if (!more(path, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  const s: ListServer = {
    base: '', served, hits: {}, conditional: [],
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  s.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return s;
}
