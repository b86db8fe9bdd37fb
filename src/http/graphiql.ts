import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { Request } from 'express';

const EXAMPLE = `# dsr-hooks: configure connections, policies and their ordered webhooks.
query Policies {
  policies(first: 20) {
    totalCount
    edges { node { key name preWebhooks { key order direction } postWebhooks { key order } } }
  }
}
`;

/** A browser asking for /graphql gets GraphiQL; its scripts and styles are inlined, so no CDN is needed. */
export function wantsGraphiQL(req: Request): boolean {
  return req.method === 'GET' && !req.query.query && (req.headers.accept ?? '').includes('text/html');
}

export function graphiqlPage(headers: Record<string, string> = {}): string {
  return renderGraphiQL({
    title: 'dsr-hooks GraphiQL',
    endpoint: '/graphql',
    defaultQuery: EXAMPLE,
    headers: JSON.stringify(headers, null, 2),
  });
}
