import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A graphql-transport-ws client over a real WebSocket (Node 20 has none built in), for the live
 * follow tests: `url` is the listening app's ws://…/graphql, `cookie` a session's cookie.
 */
export interface LiveClient {
  client: Client;
  /** The close of the socket, once it happens: its code and reason. */
  closed: Promise<{ code: number; reason: string }>;
}

export function liveClient(url: string, cookie?: string): LiveClient {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({ url, webSocketImpl: WithHeaders, retryAttempts: 0, lazy: true });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      resolve({ code, reason });
    });
  });
  return { client, closed };
}

export interface WsError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** What a subscription ended with: the GraphQL errors sent for it, or the socket's close code. */
export type Ending = { errors: WsError[] } | { closed: number };

/**
 * A subscription's events as a queue: `next()` waits for the next event and rejects with the
 * subscription's ending (`Ending`) once it has ended; `ended` resolves with that ending.
 */
export function subscription(client: Client, query: string, variables: Record<string, unknown>) {
  const events: unknown[] = [];
  let ending: Ending | null = null;
  let wake: (() => void) | null = null;
  let resolveEnded: (ending: Ending) => void = () => undefined;
  const ended = new Promise<Ending>((resolve) => (resolveEnded = resolve));
  const end = (value: Ending) => {
    ending ??= value;
    resolveEnded(ending);
    wake?.();
  };
  client.subscribe(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) end({ errors: value.errors as WsError[] });
        else events.push(value.data);
        wake?.();
      },
      error: (error) => {
        if (Array.isArray(error)) end({ errors: error as WsError[] });
        else end({ closed: (error as { code?: number }).code ?? 0 });
      },
      complete: () => undefined,
    },
  );
  const next = async (): Promise<unknown> => {
    while (events.length === 0) {
      if (ending) throw Object.assign(new Error(JSON.stringify(ending)), { ending });
      await new Promise<void>((resolve) => (wake = resolve));
    }
    return events.shift();
  };
  return {
    next,
    ended,
    /**
     * The first event, repeating `act` until it comes: the server does not confirm a
     * subscription, so a move made before it is in place would be missed.
     */
    async firstAfter(act: () => Promise<unknown>): Promise<unknown> {
      for (let attempt = 0; attempt < 100 && events.length === 0 && !ending; attempt += 1) {
        await act();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const first = await next();
      events.length = 0;
      return first;
    },
  };
}
