import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

/** Where GraphiQL's scripts, styles and icon are served, under content-hashed names. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql';

type Encoding = 'br' | 'gzip';

interface Asset {
  type: string;
  body: Buffer;
  /** Compressed once, on the first request that accepts the encoding. */
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
}

interface GraphiQLBundle {
  assets: Map<string, Asset>;
  urls: { js: string; css: string; favicon: string; boot: string; workers: Record<string, string> };
}

// Runs once the bundle's script has loaded: reads the options from the page (no inline script,
// so a strict Content-Security-Policy can forbid them) and points Monaco at its worker scripts.
const BOOT = `(function () {
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return options.workers[label]; } };
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options.graphiql);
})();
`;

/** What @graphql-yoga/render-graphiql/graphiql exports (its typings are only reachable through package exports). */
interface GraphiQLParts {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

let bundle: GraphiQLBundle | undefined;

/**
 * GraphiQL comes as ~9 MB of strings that cost ~60 MB of memory once loaded: load them when a
 * browser first asks for the page, not in every server. Each piece becomes its own asset named
 * by its hash, so browsers cache it for good and fetch it again only when it changes.
 */
function graphiqlBundle(): GraphiQLBundle {
  if (bundle) return bundle;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const parts = require('@graphql-yoga/render-graphiql/graphiql') as GraphiQLParts;
  const assets = new Map<string, Asset>();
  const add = (name: string, ext: string, type: string, body: Buffer) => {
    const file = `${name}-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.${ext}`;
    assets.set(file, { type, body, encoded: {} });
    return `${GRAPHIQL_ASSETS_PATH}/${file}`;
  };
  const js = 'text/javascript; charset=utf-8';
  const favicon = /^data:([^;]+);base64,(.*)$/s.exec(parts.favicon);
  bundle = {
    assets,
    urls: {
      js: add('graphiql', 'js', js, Buffer.from(parts.js)),
      css: add('graphiql', 'css', 'text/css; charset=utf-8', Buffer.from(parts.css)),
      favicon: favicon ? add('favicon', 'ico', favicon[1], Buffer.from(favicon[2], 'base64')) : parts.favicon,
      boot: add('boot', 'js', js, Buffer.from(BOOT)),
      workers: {
        editorWorkerService: add('editor.worker', 'js', js, Buffer.from(parts.editorWorkerService)),
        json: add('json.worker', 'js', js, Buffer.from(parts.jsonWorker)),
        graphql: add('graphql.worker', 'js', js, Buffer.from(parts.graphqlWorker)),
      },
    },
  };
  return bundle;
}

const EXAMPLE = `# dsr-hooks: configure connections, policies and their ordered webhooks.
query Policies {
  policies(first: 20) {
    totalCount
    edges { node { key name preWebhooks { key order direction } postWebhooks { key order } } }
  }
}
`;

/** A browser asking for /graphql gets GraphiQL; its scripts and styles come from this server, so no CDN is needed. */
export function wantsGraphiQL(req: Request): boolean {
  return req.method === 'GET' && !req.query.query && (req.headers.accept ?? '').includes('text/html');
}

/** Where the page's subscriptions connect: this server's /graphql over ws:// (wss:// behind TLS). */
export function subscriptionsUrl(req: Request): string {
  const secure = req.secure || req.headers['x-forwarded-proto'] === 'https';
  return `${secure ? 'wss' : 'ws'}://${req.headers.host ?? 'localhost'}/graphql`;
}

/**
 * The page: a few hundred bytes that name the cached assets. Its subscriptions run over
 * graphql-ws at wsUrl (subscriptionsEndpoint and connectionParams pass through to the page's
 * executor, graphql-tools' url-loader), the starting headers being the connection_init payload.
 */
export function graphiqlPage(wsUrl: string, headers: Record<string, string> = {}): string {
  const { urls } = graphiqlBundle();
  const options = {
    workers: urls.workers,
    graphiql: {
      title: 'dsr-hooks GraphiQL',
      endpoint: '/graphql',
      defaultQuery: EXAMPLE,
      headers: JSON.stringify(headers, null, 2),
      subscriptionsProtocol: 'WS',
      subscriptionsEndpoint: wsUrl,
      connectionParams: headers,
    },
  };
  // `<` escaped so that no value can close the script element
  const json = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>dsr-hooks GraphiQL</title>
    <link rel="icon" href="${urls.favicon}" />
    <link rel="stylesheet" href="${urls.css}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script type="application/json" id="graphiql-options">${json}</script>
    <script src="${urls.js}"></script>
    <script src="${urls.boot}"></script>
  </body>
</html>
`;
}

const compressors: Record<Encoding, (body: Buffer) => Promise<Buffer>> = {
  br: (body) => promisify(brotliCompress)(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => promisify(gzip)(body, { level: 9 }),
};

/** GET /graphiql/<name>-<hash>.<ext>: immutable, brotli or gzip as the browser accepts, each compressed once. */
export async function sendGraphiQLAsset(req: Request, res: Response) {
  const asset = graphiqlBundle().assets.get(String(req.params.file));
  if (!asset) {
    res.status(404).type('text/plain').send('not found');
    return;
  }
  res.set({ 'Content-Type': asset.type, 'Cache-Control': 'public, max-age=31536000, immutable', Vary: 'Accept-Encoding' });
  // brotli whenever accepted: browsers list it after gzip with the same weight, and it is ~15% smaller
  const encoding = (['br', 'gzip'] as const).find((e) => req.acceptsEncodings(e) === e);
  if (!encoding) {
    res.send(asset.body);
    return;
  }
  const body = await (asset.encoded[encoding] ??= compressors[encoding](asset.body));
  res.set('Content-Encoding', encoding).send(body);
}
