/** Half the link knob's size (see .link-handle in app.css). */
export const KNOB_RADIUS = 7;
/**
 * The narrowest an actor may be drawn and still get its knob: the knob sits on the actor's right
 * edge, and on a narrower actor it would cover most of it, leaving nothing to grab for a move
 * (20,000 elements fitted to the screen: actors about 7 px wide).
 */
export const MIN_OWNER_WIDTH = 4 * KNOB_RADIUS;

/**
 * Where the knob goes for an actor drawn `width` wide centred at (`x`, `y`) in a view of
 * `viewWidth` × `viewHeight` (pixels): on its right edge, centred vertically; null where it would
 * hide the actor or lie outside the map (over the side panel or the toolbar it would belong to
 * nothing the user can see).
 */
export function knobPlace(
  actor: { x: number; y: number; width: number },
  viewWidth: number,
  viewHeight: number,
): { x: number; y: number } | null {
  if (actor.width < MIN_OWNER_WIDTH) return null;
  const x = actor.x + actor.width / 2;
  const isInside =
    x >= KNOB_RADIUS && x <= viewWidth - KNOB_RADIUS && actor.y >= KNOB_RADIUS && actor.y <= viewHeight - KNOB_RADIUS;
  return isInside ? { x, y: actor.y } : null;
}
