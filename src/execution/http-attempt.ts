import type { Readable } from 'node:stream';
import type { Dispatcher as UndiciDispatcher } from 'undici';
import { ADDRESS_FORBIDDEN, assertPublicLiteral, ForbiddenAddressError, type RefusedAddress } from './address-guard';
import { isRetryableStatus, parseRetryAfterMs } from './retry-policy';

/** What one POST produced. `error` is in words fit for a failure reason: no secrets, no URL. */
export interface AttemptResponse {
  status: number | null;
  body: string | null;
  /** The body's first HEAD_BYTES bytes, also when the body broke the size cap; for the delivery log. */
  head: Buffer | null;
  contentType: string | null;
  error: string | null;
  retryable: boolean;
  retryAfterMs: number | null;
  /** An address the guard refused: for the server log, never for `error`. */
  refused?: RefusedAddress;
}

export interface AttemptLimits {
  timeoutMs: number;
  maxResponseBytes: number;
  allowPrivateNetworks: boolean;
}

/** Enough of the body to cut a 2 KB excerpt from after redacting secrets of up to 16 KB. */
const HEAD_BYTES = 18 * 1024;

class ResponseTooLarge extends Error {
  constructor(readonly head: Buffer | null) {
    super('response too large');
  }
}

/**
 * POSTs once through the keep-alive agent. The timeout covers the whole exchange (connect,
 * headers and body); redirects are not followed, so the Authorization header only ever goes to
 * the configured host.
 */
export async function postOnce(
  agent: UndiciDispatcher,
  url: URL,
  headers: Record<string, string>,
  payload: Buffer | string,
  limits: AttemptLimits,
): Promise<AttemptResponse> {
  if (!limits.allowPrivateNetworks) {
    try {
      assertPublicLiteral(url.hostname);
    } catch (error) {
      return refusedAddress(error as ForbiddenAddressError);
    }
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  try {
    const response = await agent.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers,
      body: payload,
      signal: abort.signal,
    });
    const status = response.statusCode;
    const contentType = firstHeader(response.headers['content-type']);
    let body: Buffer;
    try {
      body = await readCapped(response.body, response.headers['content-length'], limits.maxResponseBytes);
    } catch (error) {
      if (!(error instanceof ResponseTooLarge)) throw error;
      const tooLarge = `answered ${status} with a body over ${limits.maxResponseBytes} bytes`;
      return {
        status,
        body: null,
        head: error.head,
        contentType,
        error: tooLarge,
        retryable: isRetryableStatus(status),
        retryAfterMs: null,
      };
    }
    const received = { status, body: body.toString('utf8'), head: body.subarray(0, HEAD_BYTES), contentType };
    return { ...received, ...describeStatus(status, response.headers['retry-after']) };
  } catch (error) {
    if (abort.signal.aborted || isUndiciTimeout(error)) return failure(`timed out after ${limits.timeoutMs} ms`, true);
    return describeNetworkError(error as NodeJS.ErrnoException);
  } finally {
    clearTimeout(timer);
  }
}

/** Redirects are never followed: the Authorization header only ever goes to the configured URL. */
export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

/** What a status that is not a 2xx says about the call, for the delivery log and the failure reason. */
export function statusProblem(status: number): string {
  return isRedirect(status) ? `answered ${status}; redirects are not followed` : `answered ${status}`;
}

function describeStatus(
  status: number,
  retryAfter: string | string[] | undefined,
): Pick<AttemptResponse, 'error' | 'retryable' | 'retryAfterMs'> {
  if (status >= 200 && status < 300) return { error: null, retryable: false, retryAfterMs: null };
  const retryable = isRetryableStatus(status);
  return { error: statusProblem(status), retryable, retryAfterMs: retryable ? parseRetryAfterMs(retryAfter) : null };
}

function firstHeader(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first.slice(0, 255) : null;
}

/** Reads at most `limit` bytes; a longer body stops the read and drops the connection. */
async function readCapped(body: Readable, contentLength: string | string[] | undefined, limit: number): Promise<Buffer> {
  if (Number(contentLength) > limit) {
    body.destroy();
    throw new ResponseTooLarge(null);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    chunks.push(chunk as Buffer);
    if (size > limit) {
      body.destroy();
      throw new ResponseTooLarge(Buffer.concat(chunks).subarray(0, HEAD_BYTES));
    }
  }
  return Buffer.concat(chunks);
}

/** undici's own timers back ours up; whichever fires first, it is the same timeout. */
const UNDICI_TIMEOUTS = ['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'];

function isUndiciTimeout(error: unknown): boolean {
  return UNDICI_TIMEOUTS.includes((error as NodeJS.ErrnoException)?.code ?? '');
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed by the receiver',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_INFO: 'invalid response',
  HPE_INVALID_CONSTANT: 'invalid HTTP response',
};

/** Words from the error code only: raw messages may quote the URL. */
function describeNetworkError(error: NodeJS.ErrnoException): AttemptResponse {
  const cause = (error.cause ?? error) as NodeJS.ErrnoException;
  if (error.code === ADDRESS_FORBIDDEN) return refusedAddress(error as ForbiddenAddressError);
  if (cause.code === ADDRESS_FORBIDDEN) return refusedAddress(cause as ForbiddenAddressError);
  const code = NETWORK_ERRORS[error.code ?? ''] ? error.code! : (cause.code ?? error.code ?? 'unknown');
  return failure(`network error: ${NETWORK_ERRORS[code] ?? 'request failed'} (${code})`, true);
}

function refusedAddress(error: ForbiddenAddressError): AttemptResponse {
  return { ...failure(error.message, false), refused: error.refused };
}

export function failure(error: string, retryable: boolean): AttemptResponse {
  return { status: null, body: null, head: null, contentType: null, error, retryable, retryAfterMs: null };
}
