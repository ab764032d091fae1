import type { AnalysisId } from '../generated/graphql.ts';

/**
 * The analyses' names in both languages: the client's analysis panel (through its i18n resources)
 * and the server's meeting report read this one table, so a name never differs between the two.
 */
export const ANALYSIS_TITLES = {
  sv: {
    levelMatrix: 'Glapp mellan nivåer',
    brokenChains: 'Vägar upp i kedjan',
    islands: 'Öar',
    keyActors: 'Nyckelaktörer och kopplare',
    levelSkipping: 'Nivåhopp',
    asymmetry: 'Ensidig lyhördhet och skilda svar',
    desiredDistance: 'Avstånd till önskat läge',
    initiativeCongestion: 'Insatsträngsel',
    sharedArenas: 'Gemensamma arenor',
    initiativeReach: 'Vilka insatserna når',
  },
  en: {
    levelMatrix: 'Gaps between levels',
    brokenChains: 'Paths up the chain',
    islands: 'Islands',
    keyActors: 'Key actors and couplers',
    levelSkipping: 'Level skipping',
    asymmetry: 'One-way responsiveness and differing answers',
    desiredDistance: 'Distance to the desired state',
    initiativeCongestion: 'Initiative congestion',
    sharedArenas: 'Shared arenas',
    initiativeReach: 'Whom initiatives reach',
  },
} as const satisfies Record<'sv' | 'en', Record<AnalysisId, string>>;
