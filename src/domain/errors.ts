/** Errors the domain throws; graphql/errors.ts maps each to its contract code in one place. */
export abstract class DomainError extends Error {
  abstract readonly code: 'NOT_FOUND' | 'CONFLICT' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN';
  readonly extensions: Record<string, unknown> = {};
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

export class InvalidInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
}

/** A refused reply-to token: UNAUTHENTICATED when it is not a token at all, FORBIDDEN when it may not be used. */
export class ReplyTokenRefused extends DomainError {
  constructor(
    readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN',
    message: string,
  ) {
    super(message);
  }
}
