import cytoscape from 'cytoscape';

/** The parts of Cytoscape's element internals the patched measuring reads. */
interface ElementInternals {
  _private: { bbCache: unknown };
}
type Collection = ArrayLike<ElementInternals> & { cy: () => { hasCompoundNodes: () => boolean } };
interface CollectionPrototype {
  boundingBox: (this: Collection, options?: unknown) => unknown;
  dirtyBoundingBoxCache: (this: Collection) => Collection;
}

let isPatched = false;
/** How deep inside `boundingBox` calls the current code runs (they nest: links ask their actors). */
let measuring = 0;

/**
 * Cytoscape 3.34's `boundingBox` clears the bounds cache of every element it measures for the first
 * time, and clearing announces changed bounds ('bounds'): the renderer then marks the element's
 * drawing stale, measures it again and throws away its cached picture of the whole map (its
 * layers) in the next frame. So the first frame of a map, which measures every element while
 * drawing that picture, made the frames after it measure and draw the whole map again (20,000
 * elements: the first pans after loading took seconds). An element whose cache is already empty
 * has nothing to clear, and what emptied it announced the change then (a move, a restyle), or it
 * was never measured, so never drawn: measuring skips the clearing for it. Maps with compound
 * nodes keep Cytoscape's own (a parent's cache is emptied without announcement).
 * NOTE: mutates Cytoscape's shared collection prototype, once.
 */
export function patchFirstBounds(): void {
  if (isPatched) return;
  isPatched = true;
  const prototype = Object.getPrototypeOf(cytoscape({ headless: true }).collection()) as CollectionPrototype;
  const { boundingBox, dirtyBoundingBoxCache } = prototype;
  prototype.boundingBox = function (this: Collection, options?: unknown) {
    measuring++;
    try {
      return boundingBox.call(this, options);
    } finally {
      measuring--;
    }
  };
  prototype.dirtyBoundingBoxCache = function (this: Collection) {
    if (measuring > 0 && isUncached(this) && !this.cy().hasCompoundNodes()) return this;
    return dirtyBoundingBoxCache.call(this);
  };
}

function isUncached(elements: Collection): boolean {
  for (let i = 0; i < elements.length; i++) if (elements[i]?._private.bbCache != null) return false;
  return true;
}
