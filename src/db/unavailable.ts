/** What a client is told, with code SERVICE_UNAVAILABLE (GraphQL) or 503. */
export const DATABASE_UNAVAILABLE = 'the database is unavailable or too slow right now; try again shortly';

/** Socket errors of a database that is down or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/**
 * SQLSTATEs of a server that is going away, not yet up, full or too slow: connection exceptions
 * (class 08), admin/crash shutdown, cannot connect now, too many connections, and a statement
 * cancelled by statement_timeout.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
/** pg and knex say these in words only. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|Timeout acquiring a connection|Client has encountered a connection error|Connection is closed/i;

/**
 * Whether an error means the database is down, unreachable or too slow to answer in time (the
 * pool acquire timeout or statement_timeout), as opposed to a bug or a refused statement. Such
 * errors are answered 503, "try again", and never taken for a fault of the request.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err as Record<string, unknown> | undefined, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.has(code) || code.startsWith('08')) return true;
    if (e.name === 'KnexTimeoutError' || e.name === 'ConnectionException') return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = (e.previous ?? e.cause) as Record<string, unknown> | undefined;
  }
  return false;
}
