import type { AnalysisReport } from '../generated/graphql.ts';
import type {
  StoredActor,
  StoredArena,
  StoredInitiative,
  StoredLink,
  StoredOrganisation,
  StoredPerception,
  StoredScenario,
  StoredUnit,
} from '../interchange/index.ts';

/** One scenario's map as the store reads it; what is derived from it (`disagreeingLinkIds`) is resolved. */
export interface MapSliceModel {
  organisation: StoredOrganisation;
  scenario: StoredScenario;
  units: StoredUnit[];
  actors: StoredActor[];
  links: StoredLink[];
  arenas: StoredArena[];
  perceptions: StoredPerception[];
  initiatives: StoredInitiative[];
}

/**
 * What the server's resolvers hand GraphQL where it differs from the SDL's types (codegen
 * `mappers`). The account types: the stored shapes, whose relation fields (`User.memberships`,
 * `HistoryEntry.user`) are resolved.
 */
export interface UserModel {
  id: string;
  email: string;
  displayName: string | null;
  isAdmin: boolean;
  mustChangePassword: boolean;
}

export interface HistoryEntryModel {
  id: number;
  organisationId: string;
  userId: string | null;
  at: string;
  kind: string;
  recordId: string;
  action: 'CREATE' | 'UPDATE' | 'DELETE' | 'IMPORT' | 'RESTORE';
  before: unknown;
  after: unknown;
}

export interface MembershipModel {
  organisationId: string;
  role: 'OWNER' | 'EDITOR' | 'VIEWER' | 'AUDIENCE';
}

/** A share link as stored (never its token); `active` is resolved against the clock. */
export interface ShareLinkModel {
  id: string;
  organisationId: string;
  presentationId: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/**
 * A report as the server computes it: only the analyses (and findings) the request selects are
 * run, so every part may be missing; GraphQL never reads a part that was not selected.
 */
export type AnalysisReportModel = Pick<AnalysisReport, 'organisationId' | 'scenarioId'> &
  Partial<Omit<AnalysisReport, 'organisationId' | 'scenarioId' | '__typename'>>;

/** A perception round as stored; `selection`'s lists, `isOpen` and `participantCount` are resolved. */
export interface RoundModel {
  id: string;
  organisationId: string;
  scenarioId: string;
  name: string;
  selection: {
    kind: 'BETWEEN_LEVELS' | 'AROUND_UNIT' | 'LINKS' | 'LINK_KIND';
    levelKeys?: readonly string[];
    unitId?: string;
    linkIds?: readonly string[];
    linkKind?: 'STEERING' | 'SUPPORT' | 'DIALOGUE' | 'FOLLOW_UP' | 'INFORMAL' | 'INTERPRETATION';
  };
  linkIds: string[];
  questions: { targetResponds: boolean; sourceResponds: boolean; distinctive: boolean; comment: boolean };
  mode: 'LIVE' | 'UNTIL';
  closesAt: string | null;
  threshold: number;
  code: string;
  createdAt: string;
  closedAt: string | null;
  observationScenarioId: string | null;
}
