// Runs the app on a Node HTTP server, with a graceful stop: no new connections, in-flight requests finish.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import type { AppDeps } from './route.ts';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting, waits for in-flight requests (up to graceMs), then closes the store. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(deps: AppDeps, opts: { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(deps);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
    s.once('error', reject);
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${addr.port}`,
    port: addr.port,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            // Connections still busy after the grace period are cut.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }, graceMs);
          timer.unref();
          server.close(() => {
            clearTimeout(timer);
            resolve();
          });
          (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await deps.store.close();
      })();
      return closing;
    },
  };
}
