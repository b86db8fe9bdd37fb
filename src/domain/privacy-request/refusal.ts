import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { PrivacyRequestStatus } from '../enums';
import { InvalidInputError, NotFoundError } from '../errors';
import { truncate } from '../keys';
import { TRANSITIONS, type Action } from './transitions';
import { isUuid } from './views';

/**
 * Why an API action's compare-and-set matched no row: NOT_FOUND when the request does not
 * exist; otherwise BAD_USER_INPUT naming its status and the statuses the action moves from.
 */
export async function wrongStatus(tx: EntityManager, id: string, action: Action, participle: string): Promise<Error> {
  const [row] = isUuid(id)
    ? await query<{ status: PrivacyRequestStatus }>(tx, 'select status from privacy_request where id = ?', [id])
    : [];
  if (!row) return new NotFoundError(`privacy request "${truncate(id)}" does not exist`);
  const rule = `only ${TRANSITIONS[action].from.join(' or ')} requests can be ${participle}`;
  return new InvalidInputError(`privacy request "${id}" is ${row.status} and cannot be ${participle}: ${rule}`);
}
