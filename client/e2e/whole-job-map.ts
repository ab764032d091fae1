/** The school the whole job builds (whole-job.spec.ts), also built in the earlier client (build-cost-before.ts). */

export const BUILD_LEVELS = [
  { key: 'politics', name: 'Politik', isSide: false },
  { key: 'administration', name: 'Förvaltning', isSide: false },
  { key: 'principal', name: 'Rektor', isSide: false },
  { key: 'teacher', name: 'Lärare', isSide: false },
  { key: 'support', name: 'Stöd', isSide: true },
  { key: 'elevhalsa', name: 'Elevhälsa', isSide: true },
];

/** Ten actors; six of them in the one unit, Ekskolan. */
export const BUILD_ACTORS = [
  { name: 'Barn- och utbildningsnämnden', levelKey: 'politics', isInUnit: false },
  { name: 'Skolchef', levelKey: 'administration', isInUnit: false },
  { name: 'Verksamhetschef grundskola', levelKey: 'administration', isInUnit: false },
  { name: 'Rektor Ekskolan', levelKey: 'principal', isInUnit: true },
  { name: 'Biträdande rektor Ekskolan', levelKey: 'principal', isInUnit: true },
  { name: 'Förstelärare Ekskolan', levelKey: 'teacher', isInUnit: true },
  { name: 'Arbetslag F–3 Ekskolan', levelKey: 'teacher', isInUnit: true },
  { name: 'Arbetslag 4–6 Ekskolan', levelKey: 'teacher', isInUnit: true },
  { name: 'Elevhälsan Ekskolan', levelKey: 'elevhalsa', isInUnit: true },
  { name: 'Lärosätet', levelKey: 'support', isInUnit: false },
];

const link = (source: string, target: string, kind: string, coupling: string) => ({ source, target, kind, coupling });

/** Twelve links: the chain down to the teams, the school's inner links and the support beside it. */
export const BUILD_LINKS = [
  link('Barn- och utbildningsnämnden', 'Skolchef', 'STEERING', 'TIGHT'),
  link('Skolchef', 'Verksamhetschef grundskola', 'STEERING', 'TIGHT'),
  link('Skolchef', 'Rektor Ekskolan', 'STEERING', 'DECOUPLED'),
  link('Verksamhetschef grundskola', 'Rektor Ekskolan', 'FOLLOW_UP', 'LOOSE'),
  link('Rektor Ekskolan', 'Biträdande rektor Ekskolan', 'DIALOGUE', 'TIGHT'),
  link('Rektor Ekskolan', 'Förstelärare Ekskolan', 'STEERING', 'LOOSE'),
  link('Rektor Ekskolan', 'Arbetslag F–3 Ekskolan', 'STEERING', 'DECOUPLED'),
  link('Rektor Ekskolan', 'Arbetslag 4–6 Ekskolan', 'STEERING', 'LOOSE'),
  link('Förstelärare Ekskolan', 'Arbetslag F–3 Ekskolan', 'SUPPORT', 'LOOSE'),
  link('Förstelärare Ekskolan', 'Arbetslag 4–6 Ekskolan', 'SUPPORT', 'LOOSE'),
  link('Elevhälsan Ekskolan', 'Arbetslag F–3 Ekskolan', 'SUPPORT', 'DECOUPLED'),
  link('Lärosätet', 'Rektor Ekskolan', 'SUPPORT', 'LOOSE'),
];
