/**
 * Perception round under load: ROUNDS_PARTICIPANTS participants (default 200) join one live
 * round and answer its 10 links each, at random moments spread over ROUNDS_SPREAD seconds
 * (default 60; 0 sends everything at once), against one server on 127.0.0.1 (a child process,
 * rounds-server.ts), while the facilitator follows the results over the subscription.
 *
 *   npm run bench:rounds
 *   ROUNDS_PARTICIPANTS=200 ROUNDS_SPREAD=0 npm run bench:rounds   # as fast as the server takes them
 *
 * Prints answers/s, latency (p50/p99/max) of joins and answers, whether every acknowledged answer
 * is stored (each participant's own view, read back, holds exactly the values acknowledged, and
 * the facilitator's count equals the number acknowledged), and how far the facilitator's
 * subscription lags: for each event showing n answers, the time since the n-th answer was
 * acknowledged (answers are told apart by count, so this is approximate by the order the
 * server stored them in).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

import type { RoundsReady } from './rounds-server.ts';

const participants = Number(process.env.ROUNDS_PARTICIPANTS ?? 200);
const spreadMs = Number(process.env.ROUNDS_SPREAD ?? 60) * 1000;

const dir = mkdtempSync(join(tmpdir(), 'kk-rounds-'));
const server = fork(
  new URL('./rounds-server.ts', import.meta.url).pathname,
  [join(dir, 'rounds.db'), String(participants)],
  {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  },
);
const ready = await new Promise<RoundsReady>((resolve, reject) => {
  server.once('message', (message) => resolve(message as RoundsReady));
  server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
});

async function gql<T>(query: string, variables: Record<string, unknown>, cookie?: string): Promise<T> {
  const response = await fetch(`${ready.address}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ extensions?: { code?: string } }> };
  if (body.errors) throw new Error(body.errors[0]?.extensions?.code ?? 'error');
  return body.data!;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

// The facilitator's subscription.
class WithCookie extends WebSocket {
  constructor(address: string, protocols?: string | string[]) {
    super(address, protocols, { headers: { cookie: ready.cookie } });
  }
}
const live = createClient({
  url: `${ready.address.replace('http', 'ws')}/graphql`,
  webSocketImpl: WithCookie,
  retryAttempts: 0,
});
const events: Array<{ at: number; answerCount: number }> = [];
const subscribed = new Promise<void>((resolve) => live.on('connected', () => resolve()));
live.subscribe(
  {
    query: `subscription($o: ID!, $id: ID!) { roundResultsChanged(organisationId: $o, id: $id) { answerCount } }`,
    variables: { o: ready.organisationId, id: ready.roundId },
  },
  {
    next: (value) => {
      const data = value.data as { roundResultsChanged: { answerCount: number } } | undefined;
      if (data) events.push({ at: performance.now(), answerCount: data.roundResultsChanged.answerCount });
    },
    error: (error) => console.error('subscription ended:', error),
    complete: () => undefined,
  },
);
await subscribed;

const ratings = () => ({
  targetResponds: Math.random() < 0.7 ? Math.random() < 0.5 : null,
  sourceResponds: Math.random() < 0.5,
  distinctive: Math.random() < 0.5,
});
type Ratings = ReturnType<typeof ratings>;
const levels = ['politics', 'administration', 'principal', 'teacher', 'support'];
const joinLatency: number[] = [];
const answerLatency: number[] = [];
const acknowledged: Array<{ token: string; linkId: string; values: Ratings; at: number }> = [];
let failures = 0;

const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));
const started = performance.now();

async function participant(n: number): Promise<void> {
  const moments = Array.from({ length: ready.linkIds.length + 1 }, () => Math.random() * spreadMs).sort(
    (a, b) => a - b,
  );
  await sleep(moments[0]!);
  let t0 = performance.now();
  const { joinRound } = await gql<{ joinRound: { token: string } }>(
    'mutation($input: JoinRoundInput!) { joinRound(input: $input) { token } }',
    { input: { code: ready.code, levelKey: levels[n % levels.length] } },
  );
  joinLatency.push(performance.now() - t0);
  for (const [i, linkId] of ready.linkIds.entries()) {
    await sleep(Math.max(0, started + moments[i + 1]! - performance.now()));
    const values = ratings();
    t0 = performance.now();
    try {
      await gql('mutation($input: AnswerRoundInput!) { answerRound(input: $input) { linkId } }', {
        input: { token: joinRound.token, linkId, ...values },
      });
      const at = performance.now();
      answerLatency.push(at - t0);
      acknowledged.push({ token: joinRound.token, linkId, values, at });
    } catch (error) {
      failures += 1;
      console.error(`answer refused: ${(error as Error).message}`);
    }
  }
}

await Promise.all(Array.from({ length: participants }, (_, n) => participant(n)));
const elapsed = (performance.now() - started) / 1000;

// Wait for the facilitator's view to show every answer (or give up after 10 s).
const lastAck = Math.max(...acknowledged.map((a) => a.at));
for (let waited = 0; waited < 10_000 && (events.at(-1)?.answerCount ?? 0) < acknowledged.length; waited += 20) {
  await sleep(20);
}
const caughtUp = events.at(-1)?.answerCount === acknowledged.length ? events.at(-1)!.at - lastAck : null;

// Every acknowledged answer stored: each participant's own view, read back.
const byToken = new Map<string, Map<string, Ratings>>();
for (const a of acknowledged) {
  if (!byToken.has(a.token)) byToken.set(a.token, new Map());
  byToken.get(a.token)!.set(a.linkId, a.values);
}
let lost = 0;
for (const [token, answers] of byToken) {
  const { participantRound } = await gql<{
    participantRound: { answers: Array<Ratings & { linkId: string }> };
  }>(
    'query($t: String!) { participantRound(token: $t) { answers { linkId targetResponds sourceResponds distinctive } } }',
    {
      t: token,
    },
  );
  const stored = new Map(participantRound.answers.map(({ linkId, ...values }) => [linkId, values]));
  for (const [linkId, values] of answers) if (JSON.stringify(stored.get(linkId)) !== JSON.stringify(values)) lost += 1;
}
const { roundResults } = await gql<{ roundResults: { answerCount: number; participantCount: number } }>(
  'query($o: ID!, $id: ID!) { roundResults(organisationId: $o, id: $id) { answerCount participantCount } }',
  { o: ready.organisationId, id: ready.roundId },
  ready.cookie,
);

const ackTimes = acknowledged.map((a) => a.at).sort((a, b) => a - b);
const lags = events
  .filter((e) => e.answerCount > 0)
  .map((e) => e.at - ackTimes[Math.min(e.answerCount, ackTimes.length) - 1]!);

console.log(
  `\nPerception round: ${participants} participants × ${ready.linkIds.length} links, spread over ${spreadMs / 1000} s`,
);
console.log(
  `  answers acknowledged  ${acknowledged.length} (refused ${failures}) in ${elapsed.toFixed(1)} s: ${(acknowledged.length / elapsed).toFixed(1)} answers/s`,
);
console.log(
  `  answer latency        p50 ${ms(percentile(answerLatency, 50))}  p99 ${ms(percentile(answerLatency, 99))}  max ${ms(Math.max(...answerLatency))}`,
);
console.log(`  join latency          p50 ${ms(percentile(joinLatency, 50))}  p99 ${ms(percentile(joinLatency, 99))}`);
console.log(
  `  stored                ${roundResults.answerCount} answers from ${roundResults.participantCount} participants; acknowledged but not stored as acknowledged: ${lost}`,
);
console.log(
  `  facilitator's view    ${events.length} events; lag behind the answers p50 ${ms(percentile(lags, 50))}  p99 ${ms(percentile(lags, 99))}  max ${ms(Math.max(...lags))}`,
);
console.log(
  `                        showed every answer ${caughtUp === null ? 'NOT within 10 s' : `${ms(caughtUp)} after the last was acknowledged`}`,
);

await live.dispose();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));
rmSync(dir, { recursive: true, force: true });
if (lost > 0 || failures > 0 || roundResults.answerCount !== acknowledged.length || caughtUp === null)
  process.exitCode = 1;
