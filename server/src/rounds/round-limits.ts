/** What one perception round may take; configured by the ROUND_* settings (config.ts, README). */
export interface RoundLimits {
  /** Participants one round accepts. */
  maxParticipants: number;
  /** Links one round may ask about. */
  maxLinks: number;
  /** Requests (join, view, answer) per minute for one round, from all its participants together. */
  requestsPerMinutePerRound: number;
  /** Requests (view, answer) per minute from one participant token. */
  requestsPerMinutePerToken: number;
}

export const DEFAULT_ROUND_LIMITS: RoundLimits = {
  maxParticipants: 300,
  maxLinks: 100,
  requestsPerMinutePerRound: 6000,
  requestsPerMinutePerToken: 60,
};
