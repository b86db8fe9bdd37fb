import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { PrivacyRequestStatus } from '../enums';
import { InvalidInputError } from '../errors';
import { decodeCursor, pageSize, type PageArgs } from '../pagination';
import type { Page } from '../views';
import { isUuid, REQUEST_COLUMNS, type PrivacyRequestView } from './views';

/** Newest first, keyset-paged by (created_at, id); the cursor carries both exactly. */
export async function list(em: EntityManager, args: PageArgs & { status?: PrivacyRequestStatus | null }): Promise<Page<PrivacyRequestView>> {
  const size = pageSize(args.first);
  const after = args.after ? parseCursor(args.after) : null;
  const status = args.status ?? null;
  const rows = await query<PrivacyRequestView>(
    em,
    `select ${REQUEST_COLUMNS} from privacy_request
     where (?::text is null or status = ?)
       and (?::bigint is null or (created_at, id) < (timestamptz 'epoch' + ?::bigint * interval '1 microsecond', ?::uuid))
     order by created_at desc, id desc limit ?`,
    [status, status, after?.micros ?? null, after?.micros ?? null, after?.id ?? null, size + 1],
  );
  const [count] = await query<{ n: string }>(em, 'select count(*) as n from privacy_request where (?::text is null or status = ?)', [status, status]);
  return { items: rows.slice(0, size), hasNextPage: rows.length > size, totalCount: Number(count.n) };
}

export function cursorOf(request: PrivacyRequestView): string {
  return `${request.createdMicros}.${request.id}`;
}

function parseCursor(cursor: string): { micros: string; id: string } {
  const [micros, id] = decodeCursor(cursor).split('.');
  if (!/^\d{1,20}$/.test(micros ?? '') || !isUuid(id ?? '')) throw new InvalidInputError(`"after" is not a cursor this API returned`);
  return { micros, id };
}
