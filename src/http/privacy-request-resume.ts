import type { EntityManager } from '@mikro-orm/postgresql';
import express, { Router, type Request, type Response } from 'express';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../db/unavailable';
import type { SecretBox } from '../domain/crypto';
import { DomainError } from '../domain/errors';
import { parseWireIdentity, type Identity } from '../domain/identity';
import * as requests from '../domain/privacy-request';
import type { PrivacyRequestView } from '../domain/privacy-request';
import { ReplyTokens } from '../domain/reply-tokens';
import type { Logger } from '../logger';
import { bearerToken } from './bearer-token';

/** The HTTP status of a domain error's code; any other refusal is a 400. */
const STATUS_OF_CODE: Partial<Record<DomainError['code'], number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/**
 * POST /privacy-request/:id/resume with `Authorization: Bearer <reply-to-token>` and body
 * {"derived_identity": {...}} or {}: 200 with the request; 401 no, invalid or tampered token;
 * 403 expired, used, or for another request; 400 not paused or a bad body. Refusals change nothing.
 */
export function privacyRequestResumeRoute(deps: { em: EntityManager; box: SecretBox; logger: Logger }): Router {
  const tokens = new ReplyTokens(deps.box);
  const router = Router();
  router.post('/privacy-request/:id/resume', express.text({ type: () => true, limit: '64kb' }), async (req: Request, res: Response) => {
    const token = bearerToken(req.header('authorization') ?? '');
    if (!token || !tokens.verify(token))
      return refuse(res, 401, 'a valid reply-to token is required: Authorization: Bearer <reply-to-token>');
    const body = parseResumeBody(typeof req.body === 'string' ? req.body : '');
    if ('problem' in body) return refuse(res, 400, body.problem);
    try {
      const request = await requests.resume(deps.em, deps.box, tokens, {
        token,
        derivedIdentity: body.identity,
        requestId: String(req.params.id),
      });
      res.json(requestJson(request, deps.box));
    } catch (err) {
      if (err instanceof DomainError) return refuse(res, STATUS_OF_CODE[err.code] ?? 400, err.message);
      if (isDatabaseUnavailable(err)) return refuse(res, 503, DATABASE_UNAVAILABLE);
      deps.logger.error({ err, requestId: res.locals.requestId }, 'resume failed');
      refuse(res, 500, 'internal server error');
    }
  });
  return router;
}

function parseResumeBody(text: string): { identity: Identity } | { problem: string } {
  if (!text.trim()) return { identity: {} };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: 'the body is not JSON; send {"derived_identity": {...}} or {}' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { problem: 'the body must be a JSON object' };
  const unknown = Object.keys(body).filter((k) => k !== 'derived_identity');
  if (unknown.length)
    return { problem: `unknown field ${unknown.map((k) => `'${k.slice(0, 40)}'`).join(', ')}; only 'derived_identity' is accepted` };
  return parseWireIdentity((body as { derived_identity?: unknown }).derived_identity);
}

function refuse(res: Response, status: number, message: string): void {
  res.status(status).json({ error: message });
}

/** The request in the wire format's snake_case. */
function requestJson(request: PrivacyRequestView, box: SecretBox) {
  return {
    id: request.id,
    external_id: request.externalId,
    status: request.status,
    identity: box.decryptJson<Identity>(request.sealedIdentity),
    created_at: isoTime(request.createdAt),
    started_at: isoTime(request.startedAt),
    paused_at: isoTime(request.pausedAt),
    finished_at: isoTime(request.finishedAt),
  };
}

function isoTime(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}
