/**
 * Synthetic interchange documents of a given size (actors + links + units ≈ elements), shaped like
 * a big municipality: a few politicians and administrators, schools with a principal and teacher
 * teams, support actors beside the chain. Deterministic (seeded) so runs compare.
 */
const COUPLINGS = ['TIGHT', 'LOOSE', 'DECOUPLED'] as const;
const KINDS = ['STEERING', 'SUPPORT', 'DIALOGUE', 'FOLLOW_UP', 'INFORMAL', 'INTERPRETATION'] as const;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function syntheticDocument(id: string, elements: number) {
  const rnd = random(elements);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const actorCount = Math.round(elements * 0.45);
  const schoolCount = Math.max(1, Math.round(actorCount / 30));
  const units = Array.from({ length: schoolCount }, (_, i) => ({
    id: `${id}-u${i}`,
    name: `Skola ${i + 1}`,
    kind: 'SCHOOL',
  }));
  const actors: { id: string; name: string; levelKey: string; unitId?: string }[] = [];
  const add = (levelKey: string, name: string, unitId?: string) => {
    const a = { id: `${id}-a${actors.length}`, name, levelKey, ...(unitId ? { unitId } : {}) };
    actors.push(a);
    return a;
  };
  const politics = Array.from({ length: 3 }, (_, i) => add('politics', `Nämnd ${i + 1}`));
  const admin = Array.from({ length: Math.max(2, Math.round(schoolCount / 10)) }, (_, i) =>
    add('administration', `Verksamhetschef ${i + 1}`),
  );
  const support = Array.from({ length: Math.max(1, Math.round(actorCount * 0.02)) }, (_, i) =>
    add('support', `Stödaktör ${i + 1}`),
  );
  const principals = units.map((u, i) => add('principal', `Rektor ${i + 1}`, u.id));
  let t = 0;
  while (actors.length < actorCount) {
    const school = t % schoolCount;
    add('teacher', `Lärarlag ${t + 1}`, units[school]?.id);
    t++;
  }
  const upper = new Map<string, readonly { id: string }[]>([
    ['administration', politics],
    ['principal', admin],
    ['teacher', principals],
    ['support', principals],
  ]);
  const links: Record<string, unknown>[] = [];
  const linkCount = elements - actors.length - units.length;
  const seen = new Set<string>();
  const push = (sourceId: string, targetId: string) => {
    const key = `${sourceId}>${targetId}`;
    if (sourceId === targetId || seen.has(key) || links.length >= linkCount) return;
    seen.add(key);
    links.push({ id: `${id}-l${links.length}`, sourceId, targetId, kind: pick(KINDS), coupling: pick(COUPLINGS) });
  };
  for (const a of actors) {
    const ups = upper.get(a.levelKey);
    if (!ups) continue;
    const principal = a.levelKey === 'teacher' ? principals.find((p) => p.unitId === a.unitId) : undefined;
    push((principal ?? pick(ups)).id, a.id);
  }
  for (let guard = 0; links.length < linkCount && guard < linkCount * 10; guard++)
    push(pick(actors).id, pick(actors).id);
  void support;
  return {
    format: 'kopplingskartan',
    version: 1,
    organisation: {
      id,
      name: `Syntetisk ${elements}`,
      kind: 'MUNICIPAL',
      levels: [
        { key: 'politics', name: 'Politik', isSide: false },
        { key: 'administration', name: 'Förvaltning', isSide: false },
        { key: 'principal', name: 'Rektor', isSide: false },
        { key: 'teacher', name: 'Lärare', isSide: false },
        { key: 'support', name: 'Stöd', isSide: true },
      ],
    },
    units,
    actors,
    scenarios: [{ id: `${id}-now`, name: 'Nuläge', kind: 'CURRENT', links }],
  };
}
