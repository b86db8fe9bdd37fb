import 'reflect-metadata';
import { ormOptions } from './src/db/orm-options';

// Used by the MikroORM CLI (npm run migration:create); the server builds its options in src/db/orm.ts.
export default ormOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/dsr_hooks_dev');
