import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveEncryptionKey, type Config } from './config';
import { resolveDatabase } from './db/database';
import { initOrm, type Orm } from './db/orm';
import { SecretBox } from './domain/crypto';
import { buildSchema } from './graphql/schema';
import { createApp } from './http/app';
import type { Logger } from './logger';

export interface RunningServer {
  url: string;
  orm: Orm;
  close(): Promise<void>;
}

/** Database, migrations, schema and HTTP: everything `serve` starts, stopped again by close(). */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const box = new SecretBox(resolveEncryptionKey(config, (msg) => logger.warn(msg)));
  const database = await resolveDatabase(config, logger);
  const orm = await initOrm(database.url, { log: (message) => logger.debug({ component: 'mikro-orm' }, message) });
  const schema = await buildSchema();
  const { app, apollo } = await createApp({
    schema,
    em: orm.em,
    box,
    logger,
    introspection: !config.production,
  });
  const server: Server = await new Promise((resolve, reject) => {
    // express 5 hands a listen error (e.g. EADDRINUSE) to this callback instead of emitting it
    const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  logger.info({ url: `${url}/graphql` }, 'dsr-hooks is listening; open /graphql in a browser for GraphiQL');

  return {
    url,
    orm,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
      await orm.close();
      await database.stop();
    },
  };
}
