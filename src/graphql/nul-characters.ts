import type { MiddlewareFn } from 'type-graphql';
import { InvalidInputError } from '../domain/errors';

/**
 * PostgreSQL text cannot hold NUL (U+0000): a query carrying one fails at the protocol level.
 * Every argument is checked here, once, so no input can reach the database with one.
 */
export const rejectNulCharacters: MiddlewareFn = ({ args }, next) => {
  const path = pathOfNul(args, '');
  if (path !== undefined) throw new InvalidInputError(`"${path}" must not contain NUL (\\u0000) characters`);
  return next();
};

function pathOfNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = pathOfNul(item, `${path}[${i}]`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = pathOfNul(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
