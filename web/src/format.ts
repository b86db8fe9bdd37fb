import type { CombinedError } from 'urql';

/** c***@example.com, ***-5555: enough to tell requests apart without showing the identity. */
export function maskEmail(email: string | null | undefined): string {
  if (!email) return '';
  const at = email.indexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return `***${phone.slice(-4)}`;
}

export function maskIdentity(identity: { email?: string | null; phoneNumber?: string | null }): string {
  return [maskEmail(identity.email), maskPhone(identity.phoneNumber)].filter(Boolean).join(', ') || '—';
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDate(value: string | null | undefined): string {
  return value ? dateTime.format(new Date(value)) : '—';
}

/** The server's words for a failed call, without urql's "[GraphQL]" prefixes. */
export function errorText(error: CombinedError | Error | undefined | null): string {
  if (!error) return '';
  if ('graphQLErrors' in error && error.graphQLErrors.length > 0) return error.graphQLErrors.map((e) => e.message).join('; ');
  if ('networkError' in error && error.networkError) return `The server could not be reached: ${error.networkError.message}`;
  return error.message;
}

export function statusLabel(status: string): string {
  return status.replace(/_/g, ' ').toLowerCase();
}
