import { createPolicy } from './support/config-fixtures';
import { dataOf, startTestServer, type TestServer } from './support/server';

/** createPrivacyRequests queues its run jobs with one bulk add_jobs, the jobs add_job would have made. */
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await createPolicy(t, 'queued');
});
afterAll(() => t.close());

const CREATE = `mutation($input: [PrivacyRequestInput!]!) { createPrivacyRequests(input: $input) { id } }`;
const JOB = `t.identifier, j.job_queue_id, j.max_attempts, j.key, j.priority, j.flags, j.attempts, j.run_at <= now() as due`;
const JOBS = 'graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id';

it('50 created requests get 50 run jobs from one add_jobs call, each like add_job makes it', async () => {
  const input = Array.from({ length: 50 }, (_, i) => ({ policyKey: 'queued', identity: { email: `q${i}@example.com` } }));
  let ids: string[] = [];
  const { statements } = await t.countStatements(async () => {
    ids = dataOf(await t.gql(CREATE, { input })).createPrivacyRequests.map((r: any) => r.id);
  });
  expect(statements.filter((s) => /add_jobs\(/.test(s))).toHaveLength(1);
  expect(statements.filter((s) => /add_job\(/.test(s))).toHaveLength(0);

  const jobs = await t.sql(`select j.payload, ${JOB} from ${JOBS} order by j.id`);
  const runs = await t.sql(`select id, run_id from privacy_request`);
  const runOf = new Map(runs.map((r: any) => [r.id, r.run_id]));
  expect(jobs.map((j: any) => j.payload.requestId)).toEqual(ids);
  for (const job of jobs) expect(job.payload.runId).toBe(runOf.get(job.payload.requestId));

  await t.sql(`select graphile_worker.add_job('run_privacy_request', '{}'::json, max_attempts => 5)`);
  const [single] = await t.sql(`select ${JOB} from ${JOBS} order by j.id desc limit 1`);
  for (const { payload: _, ...job } of jobs) expect(job).toEqual(single);
});
