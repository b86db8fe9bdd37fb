/** The token of an `Authorization: Bearer <token>` header value; null for any other form. */
export function bearerToken(header: string): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] ?? null;
}
