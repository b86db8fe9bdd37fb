import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';

/** graphql-scalars' DateTime, serialised as ISO 8601 in UTC with milliseconds; rows carry Dates (db/sql.ts). */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize(value: unknown): string {
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return value.toISOString();
  },
});
