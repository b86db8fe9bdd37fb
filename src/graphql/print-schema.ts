import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from './schema';

// `npm run schema` writes this to schema.graphql; CI compares it with what the code generates.
void buildSchema().then((schema) => process.stdout.write(`${printSchema(lexicographicSortSchema(schema))}\n`));
