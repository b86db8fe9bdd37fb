/**
 * Raw reads return timestamptz as PostgreSQL's text ("2026-11-28 19:27:48.669+00"), which
 * MikroORM leaves unparsed; entities give Dates. Either becomes a Date (Invalid Date for garbage).
 */
export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}
