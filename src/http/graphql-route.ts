import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Context } from '../graphql/context';
import type { CostBudget } from '../graphql/limits';

/** Operations one batched request (a JSON array body) may hold. */
export const MAX_BATCH_OPERATIONS = 10;

export type ContextFactory = (res: Response, costBudget?: CostBudget) => Promise<Context>;

/**
 * /graphql through Apollo: GET and POST of one operation, and POST of a batch (a JSON array, as
 * Apollo Client's BatchHttpLink and graphql-request's batchRequests send). A batch runs its
 * operations in order, each with its own context (EntityManager fork, loaders), and one cost
 * budget for all of them; the answer is the array of their results.
 */
export function graphqlRoute(apollo: ApolloServer<Context>, context: ContextFactory, maxCost: number) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const search = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const run = (body: unknown, costBudget?: CostBudget) =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search, body },
          context: () => context(res, costBudget),
        });
      if (req.method !== 'POST' || !Array.isArray(req.body)) return await send(res, await run(req.body));

      const batch = req.body as unknown[];
      if (batch.length === 0 || batch.length > MAX_BATCH_OPERATIONS) {
        return res.status(400).json({
          errors: [
            {
              message: `a batch holds 1 to ${MAX_BATCH_OPERATIONS} operations; this one has ${batch.length}`,
              extensions: { code: 'BAD_REQUEST' },
            },
          ],
        });
      }
      const budget: CostBudget = { remaining: maxCost };
      const bodies: string[] = [];
      let first: HTTPGraphQLResponse | undefined;
      for (const operation of batch) {
        const response = await run(operation, budget);
        first ??= response;
        bodies.push(
          response.body.kind === 'complete'
            ? response.body.string
            : '{"errors":[{"message":"incremental delivery is not available in a batch","extensions":{"code":"BAD_REQUEST"}}]}',
        );
      }
      res
        .status(200)
        .type(first!.headers.get('content-type') ?? 'application/json')
        .send(`[${bodies.join(',')}]`);
    } catch (err) {
      next(err);
    }
  };
}

async function send(res: Response, response: HTTPGraphQLResponse) {
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.status(response.status ?? 200);
  if (response.body.kind === 'complete') {
    res.send(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}
