import { InvalidInputError } from './errors';
import type { WebhookOrder } from './views';

/** Takes the item out and inserts it at `to`: moving 4 to 2 in [0,1,2,3,4] gives [0,1,4,2,3]. */
export function moveTo<T>(items: readonly T[], from: number, to: number): T[] {
  if (!Number.isInteger(to) || to < 0 || to >= items.length) {
    throw new InvalidInputError(`order ${to} is out of range: this phase has ${items.length} webhooks, so use 0..${items.length - 1}`);
  }
  const result = items.slice();
  const [moved] = result.splice(from, 1);
  result.splice(to, 0, moved);
  return result;
}

export function ordersOf(keys: readonly string[]): WebhookOrder[] {
  return keys.map((key, order) => ({ key, order }));
}
