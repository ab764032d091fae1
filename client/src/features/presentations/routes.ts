/** The pages outside the map app: the presenter view (members) and a share link (anyone). */
export type Route =
  | { type: 'app' }
  | { type: 'present'; organisationId: string; presentationId: string }
  | { type: 'share'; token: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] === 'present' && parts.length === 3) {
    const organisationId = decode(parts[1] ?? '');
    const presentationId = decode(parts[2] ?? '');
    if (organisationId && presentationId) return { type: 'present', organisationId, presentationId };
  }
  if (parts[0] === 'share' && parts.length === 2) {
    const token = decode(parts[1] ?? '');
    if (token) return { type: 'share', token };
  }
  return { type: 'app' };
}

export function presentPath(organisationId: string, presentationId: string, step?: number): string {
  const path = `/present/${encodeURIComponent(organisationId)}/${encodeURIComponent(presentationId)}`;
  return step ? `${path}?step=${step + 1}` : path;
}

/** Back to the map with the presentation open in its panel. */
export function editorPath(organisationId: string, presentationId: string): string {
  const query = new URLSearchParams({ org: organisationId, presentation: presentationId });
  return `/?${query.toString()}`;
}
