import { ConflictError, InvalidInputError } from './errors';

export const KEY_PATTERN = /^[a-zA-Z0-9_.-]+$/;
export const MAX_KEY_LENGTH = 200;
export const MAX_NAME_LENGTH = 200;
export const MAX_BATCH = 50;

/** "Wake up Snowflake DB" -> "wake_up_snowflake_db" (the contract's derivation rule). */
export function keyFromName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/[\s-]+/g, '_');
}

export function validKey(key: string, what: string): string {
  if (!KEY_PATTERN.test(key) || key.length > MAX_KEY_LENGTH) {
    throw new InvalidInputError(
      `${what} key "${truncate(key)}" is invalid: use 1-${MAX_KEY_LENGTH} characters of letters, digits, "_", "." and "-"`,
    );
  }
  return key;
}

export function validName(name: string, what: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new InvalidInputError(`${what} name must not be empty`);
  if (trimmed.length > MAX_NAME_LENGTH) {
    throw new InvalidInputError(`${what} name "${truncate(trimmed)}" is longer than ${MAX_NAME_LENGTH} characters`);
  }
  return trimmed;
}

/** The key given, else the one derived from the name; either way it must match KEY_PATTERN. */
export function resolveKey(key: string | null | undefined, name: string, what: string): string {
  if (key !== undefined && key !== null) return validKey(key, what);
  const derived = keyFromName(name);
  if (!derived) throw new InvalidInputError(`${what} "${truncate(name)}" has no key and none can be derived from its name; give a key`);
  return validKey(derived.slice(0, MAX_KEY_LENGTH), what);
}

export function checkBatchSize(items: unknown[], what: string, max = MAX_BATCH): void {
  if (items.length > max) throw new InvalidInputError(`at most ${max} ${what} at once (got ${items.length})`);
}

/** Throws when two items resolve to the same value (key or name) inside one call. */
export function checkNoDuplicates(values: string[], what: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) throw new InvalidInputError(`${what} "${truncate(value)}" appears more than once in this call`);
    seen.add(value);
  }
}

export function truncate(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/**
 * CONFLICT when a name this call gives is held by a record the call does not touch. Records the
 * call updates may hand their names around (the unique constraints on names are deferred).
 */
export function refuseNamesHeldByOthers(
  existing: { key: string; name: string }[],
  items: { key: string; name: string }[],
  what: string,
): void {
  const keys = new Set(items.map((i) => i.key));
  for (const other of existing) {
    const claimant = items.find((i) => i.name === other.name);
    if (claimant && claimant.key !== other.key && !keys.has(other.key)) {
      throw new ConflictError(`${what} name "${other.name}" is already used by ${what} "${other.key}"`);
    }
  }
}
