/**
 * Every error that leaves over the WebSocket carries `extensions.code`, as over HTTP. Refusals
 * and validation get theirs where they are made (DomainError, our validation hook); what Mercurius
 * refuses before any of ours runs (a document that does not parse, a message that is not a
 * subscription) goes out as it is, so the `error` frames of graphql-transport-ws
 * (`{"type":"error","id":…,"payload":[…]}`) are given the code HTTP would give: an error that
 * points into the document (it has `locations`) is GRAPHQL_VALIDATION_FAILED, any other
 * BAD_REQUEST.
 */
export function withErrorCodes(frame: string): string {
  if (!frame.startsWith('{"type":"error"')) return frame;
  const message = JSON.parse(frame) as { payload?: unknown };
  if (!Array.isArray(message.payload)) return frame;
  const payload = message.payload.map((error: { locations?: unknown; extensions?: { code?: unknown } }) => {
    if (typeof error.extensions?.code === 'string') return error;
    const code = Array.isArray(error.locations) ? 'GRAPHQL_VALIDATION_FAILED' : 'BAD_REQUEST';
    return { ...error, extensions: { ...error.extensions, code } };
  });
  return JSON.stringify({ ...message, payload });
}

/** The part of a `ws` socket whose outgoing frames are coded. */
export interface SendingSocket {
  send(data: string, callback?: (error?: Error) => void): void;
}

export function codeErrorFrames(socket: SendingSocket): void {
  const send = socket.send.bind(socket);
  socket.send = (data, callback) => send(typeof data === 'string' ? withErrorCodes(data) : data, callback);
}
