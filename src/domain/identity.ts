import { InvalidInputError } from './errors';
import { truncate } from './keys';

/** The identity as stored and as sent on the wire (snake_case, absent fields left out). */
export interface Identity {
  email?: string;
  phone_number?: string;
}

/** The GraphQL shape of IdentityInput. */
export interface IdentityInput {
  email?: string | null;
  phoneNumber?: string | null;
}

// No control characters (NUL included): PostgreSQL, HTTP headers and receivers cannot take them.
const EMAIL = /^[^\s@\p{Cc}]+@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;
const PHONE = /^\+?[0-9][0-9 ().-]{1,28}[0-9]$/;
const MAX_EMAIL = 254;

export function validEmail(value: string, where: string): string {
  const email = value.trim();
  if (email.length > MAX_EMAIL || !EMAIL.test(email)) {
    throw new InvalidInputError(`${where}: "${truncate(email)}" is not an email address`);
  }
  return email;
}

export function validPhoneNumber(value: string, where: string): string {
  const phone = value.trim();
  if (!PHONE.test(phone) || phone.replace(/\D/g, '').length < 3) {
    throw new InvalidInputError(`${where}: "${truncate(phone)}" is not a phone number (digits, spaces, "+", "-", ".", "(", ")")`);
  }
  return phone;
}

/** An identity for a new request: an email or a phone number (or both), each valid. */
export function identityFromInput(input: IdentityInput, where: string): Identity {
  const identity = optionalIdentity(input, where);
  if (!identity.email && !identity.phone_number) throw new InvalidInputError(`${where}: identity needs an email or a phoneNumber`);
  return identity;
}

/** A derived identity (resume): any subset, each given value valid. */
export function optionalIdentity(input: IdentityInput | null | undefined, where: string): Identity {
  const identity: Identity = {};
  if (input?.email !== undefined && input.email !== null) identity.email = validEmail(input.email, `${where} email`);
  if (input?.phoneNumber !== undefined && input.phoneNumber !== null) {
    identity.phone_number = validPhoneNumber(input.phoneNumber, `${where} phoneNumber`);
  }
  return identity;
}

/** Derived values replace known ones; fields the derived identity leaves out are kept. */
export function mergeIdentity(known: Identity, derived: Identity): Identity {
  return { ...known, ...derived };
}

/**
 * The wire form `{"email"?, "phone_number"?}` from outside (a webhook answer or the REST resume
 * body): string fields only, unknown fields rejected. Returns an error text instead of throwing,
 * so callers word it for their audience.
 */
export function parseWireIdentity(value: unknown): { identity: Identity } | { problem: string } {
  if (value === undefined || value === null) return { identity: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { problem: "'derived_identity' is not an object" };
  const unknown = Object.keys(value).filter((k) => k !== 'email' && k !== 'phone_number');
  if (unknown.length) return { problem: `'derived_identity' has unknown field ${unknown.map((k) => `'${truncate(k, 40)}'`).join(', ')}` };
  const v = value as Record<string, unknown>;
  for (const field of ['email', 'phone_number'] as const) {
    if (v[field] !== undefined && v[field] !== null && typeof v[field] !== 'string')
      return { problem: `'derived_identity.${field}' is not a string` };
  }
  try {
    return {
      identity: optionalIdentity({ email: v.email as string | null, phoneNumber: v.phone_number as string | null }, 'derived_identity'),
    };
  } catch (err) {
    return { problem: (err as Error).message };
  }
}
