/**
 * The racy bugs as hand-written bursts: each scenario sets up a fresh resource, fires `n`
 * concurrent conflicting requests at it, and says whether the round exposed the bug. The same
 * scenario against the correct server must never expose anything, and must show the right
 * outcome (one winner, documented statuses for the losers).
 */
import type { BugName } from '../../examples/reference-api/bugs.js';
import { burst, statusCounts, type Client, type Res } from './helpers.js';

/** One racy bug's burst. */
export interface RaceScenario {
  readonly bug: BugName;
  /** What a round fires. */
  readonly fires: string;
  /** Sets up a fresh target and fires `n` requests at it at once. */
  round(client: Client, n: number, round: number): Promise<Res[]>;
  /** True when the responses prove the bug. */
  exposed(responses: readonly Res[]): boolean;
  /** The correct server's outcome for one round: how many winners, and the losers' statuses. */
  readonly correct: { readonly winnerStatus: number; readonly loserStatuses: readonly number[] };
}

const doc = { title: 'race', content: 'start' };

function successes(responses: readonly Res[], status: number): number {
  return statusCounts(responses)[status] ?? 0;
}

async function racedPuts(client: Client, n: number): Promise<Res[]> {
  const created = await client.create('/documents', doc);
  return burst(n, (i) => client.call('PUT', created.path, { headers: { 'if-match': created.etag }, body: { title: 'race', content: `writer ${i}` } }));
}

const lostUpdate = {
  fires: 'n × PUT /documents/{id} with the same If-Match, different bodies',
  round: (client: Client, n: number) => racedPuts(client, n),
  exposed: (responses: readonly Res[]) => successes(responses, 200) > 1,
  correct: { winnerStatus: 200, loserStatuses: [412] },
};

/** Every racy bug, with its burst. */
export const RACE_SCENARIOS: readonly RaceScenario[] = [
  { bug: 'lost-update', ...lostUpdate },
  { bug: 'lost-update-100us', ...lostUpdate },
  {
    bug: 'undocumented-status',
    ...lostUpdate,
    exposed: (responses) => responses.some((r) => r.status === 423),
  },
  {
    bug: 'delete-race',
    fires: 'n × DELETE /documents/{id} with the same If-Match',
    round: async (client, n) => {
      const created = await client.create('/documents', doc);
      return burst(n, () => client.call('DELETE', created.path, { headers: { 'if-match': created.etag } }));
    },
    exposed: (responses) => successes(responses, 204) > 1,
    // A loser that runs after the winner finds nothing left: 404.
    correct: { winnerStatus: 204, loserStatuses: [404, 412] },
  },
  {
    bug: 'rev-ignored-on-delete',
    fires: 'n × DELETE /notes/{id}?rev= with the same rev',
    round: async (client, n, round) => {
      const created = await client.create('/notes', { title: `race ${round} ${Date.now()}` });
      const rev = encodeURIComponent(String(created.json._rev));
      return burst(n, () => client.call('DELETE', `${created.path}?rev=${rev}`));
    },
    exposed: (responses) => successes(responses, 204) > 1,
    // A loser that runs after the winner finds nothing left: 404.
    correct: { winnerStatus: 204, loserStatuses: [404, 409] },
  },
  {
    bug: 'duplicate-create',
    fires: 'n × POST /users with one email',
    round: (client, n, round) => {
      const email = `dup-${round}-${Date.now()}@example.com`;
      return burst(n, (i) => client.call('POST', '/users', { body: { email, name: `racer ${i}` } }));
    },
    exposed: (responses) => successes(responses, 201) > 1,
    correct: { winnerStatus: 201, loserStatuses: [409] },
  },
  {
    bug: 'transition-race',
    fires: 'n × POST /orders/{id}/ship or /cancel on one paid order',
    round: async (client, n) => {
      const created = await client.create('/orders', { amount: 5 });
      await client.call('POST', `${created.path}/pay`);
      // From paid, ship and cancel are each allowed, and each rules the other out.
      return burst(n, (i) => client.call('POST', `${created.path}/${i % 2 === 0 ? 'ship' : 'cancel'}`));
    },
    exposed: (responses) => successes(responses, 200) > 1,
    correct: { winnerStatus: 200, loserStatuses: [409] },
  },
  {
    bug: 'oversell',
    fires: 'n × POST /inventory/{sku}/purchases of 1 with a stock of 1',
    round: async (client, n, round) => {
      const sku = `SKU-${round}-${Date.now()}`;
      await client.create('/inventory', { sku, name: 'last one', stock: 1 });
      return burst(n, () => client.call('POST', `/inventory/${sku}/purchases`, { body: { quantity: 1 } }));
    },
    exposed: (responses) => successes(responses, 201) > 1,
    correct: { winnerStatus: 201, loserStatuses: [409] },
  },
  {
    bug: 'idempotency-race',
    fires: 'n × POST /payments with one Idempotency-Key and one payload',
    round: (client, n, round) => {
      const key = `race-${round}-${Date.now()}`;
      return burst(n, () => client.call('POST', '/payments', { headers: { 'idempotency-key': key }, body: { amount: 9.99, currency: 'EUR' } }));
    },
    // Replays repeat the one payment's id; a second id is a second charge.
    exposed: (responses) => new Set(responses.filter((r) => r.status === 201).map((r) => r.json!.id)).size > 1,
    correct: { winnerStatus: 201, loserStatuses: [409, 201] },
  },
];
