/**
 * A PostgreSQL array literal for one `?::uuid[]` / `?::text[]` binding. knex expands a JS array
 * binding into a list of placeholders, so arrays travel as literals (or as JSON) instead.
 */
export function arrayParam(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
