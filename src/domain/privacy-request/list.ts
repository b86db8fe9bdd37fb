import type { EntityManager } from '@mikro-orm/postgresql';
import type { PrivacyRequestStatus } from '../enums';
import { keysetPage, type PageArgs, type SqlPart } from '../pagination';
import type { Page } from '../views';
import { isUuid, REQUEST_COLUMNS, type PrivacyRequestView } from './views';

/** Newest first, keyset-paged by (created_at, id); the cursor carries both exactly. */
export function list(em: EntityManager, args: PageArgs & { status?: PrivacyRequestStatus | null }): Promise<Page<PrivacyRequestView>> {
  return keysetPage<PrivacyRequestView>(
    em,
    {
      table: 'privacy_request',
      columns: REQUEST_COLUMNS,
      orderColumns: ['created_at', 'id'],
      descending: true,
      filter: args.status ? { sql: 'status = ?', params: [args.status] } : undefined,
      count: statusCount(args.status),
      cursorValue,
    },
    args,
  );
}

/** O(1) in the number of requests: the triggers' per-status counters, summed over their slots. */
function statusCount(status: PrivacyRequestStatus | null | undefined): SqlPart {
  return status
    ? { sql: '(select coalesce(sum(n), 0) from privacy_request_status_count where status = ?)', params: [status] }
    : { sql: '(select coalesce(sum(n), 0) from privacy_request_status_count)', params: [] };
}

export function cursorOf(request: PrivacyRequestView): string {
  return `${request.createdMicros}.${request.id}`;
}

/** At most 16 digits: up to the year 2286, inside both bigint and timestamptz (more would fail the SQL). */
const CURSOR_MICROS = /^\d{1,16}$/;

function cursorValue(decoded: string): SqlPart | null {
  const [micros, id, ...rest] = decoded.split('.');
  if (rest.length || !CURSOR_MICROS.test(micros ?? '') || !isUuid(id ?? '')) return null;
  return { sql: "(timestamptz 'epoch' + ?::bigint * interval '1 microsecond', ?::uuid)", params: [micros, id] };
}
