import type { Request } from 'express';

type RenderGraphiQL = typeof import('@graphql-yoga/render-graphiql').renderGraphiQL;
let renderGraphiQL: RenderGraphiQL | undefined;

/**
 * GraphiQL comes as one 9 MB script that costs ~60 MB of memory once loaded: load it when a
 * browser first asks for the page, not in every server.
 */
function graphiqlRenderer(): RenderGraphiQL {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  renderGraphiQL ??= (require('@graphql-yoga/render-graphiql') as typeof import('@graphql-yoga/render-graphiql')).renderGraphiQL;
  return renderGraphiQL;
}

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
  return graphiqlRenderer()({
    title: 'dsr-hooks GraphiQL',
    endpoint: '/graphql',
    defaultQuery: EXAMPLE,
    headers: JSON.stringify(headers, null, 2),
  });
}
