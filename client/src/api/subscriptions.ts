import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { type Client, createClient } from 'graphql-ws/client';

import { ApiError, toApiError } from './client.ts';

let client: Client | null = null;

/** The one WebSocket client (graphql-transport-ws at /graphql), made on first use; cookies go along. */
function wsClient(): Client {
  if (!client) {
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    client = createClient({
      url: `${protocol}//${window.location.host}/graphql`,
      lazy: true,
      // Keep trying through short outages: a participant's laptop sleeps, the Wi-Fi drops.
      retryAttempts: 30,
      shouldRetry: () => true,
    });
  }
  return client;
}

export interface SubscriptionHandlers<TResult> {
  onData: (data: TResult) => void;
  onError: (error: ApiError) => void;
  /** Called when the connection is (re)established, so the caller can refetch what it missed. */
  onConnected?: () => void;
}

/** The server closes a live connection with 4401 when the session ended, 4403 when access was withdrawn. */
const CLOSE_CODES: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN' };

export function toError(error: unknown): ApiError {
  if (Array.isArray(error)) return toApiError(error as Parameters<typeof toApiError>[0]);
  if (error instanceof ApiError) return error;
  const closed = (error as { code?: unknown } | null)?.code;
  if (typeof closed === 'number' && CLOSE_CODES[closed]) {
    return new ApiError(CLOSE_CODES[closed], 'The live connection was closed by the server');
  }
  if (error instanceof Error) return new ApiError('NETWORK', error.message);
  return new ApiError('NETWORK', 'The live connection was closed');
}

/** Subscribes to one typed operation; returns the function that ends the subscription. */
export function subscribe<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  variables: TVariables,
  handlers: SubscriptionHandlers<TResult>,
): () => void {
  const ws = wsClient();
  const offConnected = handlers.onConnected ? ws.on('connected', handlers.onConnected) : () => {};
  const stop = ws.subscribe<TResult>(
    { query: String(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors && result.errors.length > 0) handlers.onError(toError(result.errors));
        else if (result.data) handlers.onData(result.data);
      },
      error: (error) => handlers.onError(toError(error)),
      complete: () => {},
    },
  );
  return () => {
    offConnected();
    stop();
  };
}
