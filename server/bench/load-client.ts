/**
 * One load generator of load.bench.ts, via autocannon: readers (the map query) or editors. An
 * editor's requests go round a mix like a person editing a map: of every eight, six rename one of
 * the organisation's actors, one creates an actor and one deletes an actor this run created. The
 * map keeps its size, so the readers' last reads cost what their first did: with creates only, a
 * 60 s run grew the 5-actor map to 1,800 actors and one map request from 3 ms to about 35 ms.
 */
import autocannon from 'autocannon';

export interface ClientJob {
  role: 'readers' | 'editors';
  url: string;
  organisationId: string;
  /** The organisation's actors at the start, which editors rename. */
  actorIds: string[];
  connections: number;
  duration: number;
  /** Seconds. */
  timeout: number;
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
  /** The fewest answers in any 5 s of the run: whether the group was answered throughout. */
  fewestPerWindow: number;
  /** The edits the server confirmed (editors only). */
  acknowledged: Acknowledged;
}

export interface Acknowledged {
  created: string[];
  deleted: string[];
  /** Confirmed renames per actor id. */
  updated: Record<string, number>;
  /** Created and never sent for deletion: still stored at the end (a delete in flight may not be). */
  kept: string[];
}

interface Edit {
  action: 'created' | 'updated' | 'deleted';
  id: string;
}

const WINDOW_SECONDS = 5;

const MAP = `query($organisationId: ID!) {
  map(organisationId: $organisationId) { actors { id name levelKey } links { id sourceId targetId coupling } } }`;
const MUTATIONS: Record<Edit['action'], string> = {
  created: `mutation($organisationId: ID!, $id: ID!, $name: String!) {
    createActor(input: { organisationId: $organisationId, id: $id, name: $name, levelKey: "teacher" }) { actor { id } } }`,
  updated: `mutation($organisationId: ID!, $id: ID!, $name: String!) {
    updateActor(input: { organisationId: $organisationId, id: $id, name: $name }) { actor { id } } }`,
  deleted: `mutation($organisationId: ID!, $id: ID!) { deleteActor(organisationId: $organisationId, id: $id) { deletedId } }`,
};

async function run(job: ClientJob): Promise<ClientReport> {
  const kept: string[] = [];
  const acknowledged: Acknowledged = { created: [], deleted: [], updated: {}, kept };
  let graphqlErrors = 0;
  const started = Date.now();
  const answersPerWindow = new Array<number>(Math.max(1, Math.floor(job.duration / WINDOW_SECONDS))).fill(0);
  let sequence = 0;
  const isEditor = job.role === 'editors';
  const nextEdit = (): Edit => {
    if (sequence % 8 === 0) return { action: 'created', id: `load-${sequence}` };
    const id = sequence % 8 === 4 ? kept.shift() : undefined;
    return id ? { action: 'deleted', id } : { action: 'updated', id: job.actorIds[sequence % job.actorIds.length]! };
  };
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.duration,
    timeout: job.timeout,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: job.cookies[0]! },
    body: JSON.stringify({ query: MAP, variables: { organisationId: job.organisationId } }),
    requests: [
      {
        setupRequest: (request, context) => {
          if (!isEditor) return request;
          sequence += 1;
          const edit = nextEdit();
          context.edit = edit;
          return {
            ...request,
            headers: { ...request.headers, cookie: job.cookies[sequence % job.cookies.length]! },
            body: JSON.stringify({
              query: MUTATIONS[edit.action],
              variables: { organisationId: job.organisationId, id: edit.id, name: `Lasttest ${sequence}` },
            }),
          };
        },
        onResponse: (status, body, context) => {
          const window = Math.floor((Date.now() - started) / 1000 / WINDOW_SECONDS);
          if (window < answersPerWindow.length) answersPerWindow[window]! += 1;
          if (status !== 200 || body.includes('"errors"')) {
            graphqlErrors += 1;
            if (graphqlErrors === 1) console.error(`${job.role}: first error: ${status} ${body.slice(0, 300)}`);
            return;
          }
          const edit = context.edit as Edit | undefined;
          if (edit?.action === 'updated') acknowledged.updated[edit.id] = (acknowledged.updated[edit.id] ?? 0) + 1;
          else if (edit) acknowledged[edit.action].push(edit.id);
          if (edit?.action === 'created') kept.push(edit.id);
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
    fewestPerWindow: Math.min(...answersPerWindow),
    acknowledged,
  };
}

process.once('message', (job: ClientJob) => {
  void run(job).then((report) => process.send?.(report, () => process.exit(0)));
});
process.send?.('loaded');
