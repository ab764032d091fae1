/** One load generator of load.bench.ts: readers (map query) or editors (createActor), via autocannon. */
import autocannon from 'autocannon';

export interface ClientJob {
  role: 'readers' | 'editors';
  url: string;
  connections: number;
  duration: number;
  cookies: string[];
}

export interface ClientReport {
  perSecond: number;
  total: number;
  p50: number;
  p99: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  graphqlErrors: number;
  /** Ids of actors whose creation the server confirmed (editors only). */
  acknowledged: string[];
}

const MAP = JSON.stringify({
  query: '{ map(organisationId: "org") { actors { id name levelKey } links { id sourceId targetId coupling } } }',
});
const CREATE = `mutation($id: ID!, $name: String!) {
  createActor(input: { organisationId: "org", id: $id, name: $name, levelKey: "teacher" }) { actor { id } } }`;

async function run(job: ClientJob): Promise<ClientReport> {
  const acknowledged: string[] = [];
  let graphqlErrors = 0;
  let sequence = 0;
  const isEditor = job.role === 'editors';
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: job.cookies[0]! },
    body: MAP,
    requests: [
      {
        setupRequest: (request) => {
          if (!isEditor) return request;
          sequence += 1;
          return {
            ...request,
            headers: { ...request.headers, cookie: job.cookies[sequence % job.cookies.length]! },
            body: JSON.stringify({
              query: CREATE,
              variables: { id: `load-${sequence}`, name: `Lasttest ${sequence}` },
            }),
          };
        },
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) {
            graphqlErrors += 1;
            if (graphqlErrors === 1) console.error(`${job.role}: first error: ${status} ${body.slice(0, 300)}`);
            return;
          }
          if (isEditor) {
            const id = (JSON.parse(body) as { data: { createActor: { actor: { id: string } } } }).data.createActor.actor
              .id;
            acknowledged.push(id);
          }
        },
      },
    ],
  });
  return {
    perSecond: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    graphqlErrors,
    acknowledged,
  };
}

process.once('message', (job: ClientJob) => {
  void run(job).then((report) => process.send?.(report, () => process.exit(0)));
});
