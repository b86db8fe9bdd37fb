import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { toDate } from '../../db/timestamps';

/**
 * graphql-scalars' DateTime, also accepting the timestamptz text PostgreSQL returns on raw read
 * paths ("2026-11-28 19:27:48.669+00"), which MikroORM leaves unparsed.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize(value: unknown): string {
    const date = toDate(value instanceof Date ? value : String(value));
    if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
});
