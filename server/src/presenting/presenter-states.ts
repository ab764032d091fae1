/**
 * Where each presentation's presenter is, kept in this process's memory: a position is worth
 * nothing after the meeting, and followers get every move through the subscription. A server
 * run as several processes would need Mercurius' shared (Redis) pubsub and a shared map here.
 */
export interface PresenterState {
  organisationId: string;
  presentationId: string;
  stepIndex: number;
  explore: boolean;
  /** False once the presenter has left the presenter view. */
  presenting: boolean;
  /** ISO 8601. */
  at: string;
}

export function presenterTopic(organisationId: string, presentationId: string): string {
  return `presenter:${organisationId}:${presentationId}`;
}

export class PresenterStates {
  private readonly states = new Map<string, PresenterState>();

  get(organisationId: string, presentationId: string): PresenterState | null {
    return this.states.get(presenterTopic(organisationId, presentationId)) ?? null;
  }

  set(state: PresenterState): void {
    this.states.set(presenterTopic(state.organisationId, state.presentationId), state);
  }
}
