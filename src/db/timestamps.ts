/** PostgreSQL's timestamptz text ("2026-11-28 19:27:48.669+00", "...+05:45") as a Date; Invalid Date for garbage. */
export function toDate(text: string): Date {
  return new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}
