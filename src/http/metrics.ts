import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '../metrics';

/**
 * GET /metrics on a port of its own (METRICS_PORT, on METRICS_HOST, 127.0.0.1 by default): never
 * on the API's port, so it needs no token and is reachable only where the operator exposes it.
 */
export async function startMetricsServer(metrics: Metrics, host: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('only GET /metrics here\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The route label of a request: a fixed list, so no path a client makes up becomes a time series. */
function routeOf(path: string): string {
  if (path === '/graphql' || path === '/oauth/token' || path === '/health' || path === '/livez' || path === '/readyz') return path;
  if (path.startsWith('/graphiql/')) return '/graphiql/:asset';
  if (/^\/privacy-request\/[^/]+\/resume$/.test(path)) return '/privacy-request/:id/resume';
  return '(other)';
}

/** Counts and times every HTTP answer. */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpDuration.startTimer();
    res.once('finish', () => {
      const labels = { route: routeOf(req.originalUrl.split('?')[0]), method: req.method };
      end(labels);
      metrics.httpRequests.inc({ ...labels, status: String(res.statusCode) });
    });
    next();
  };
}
