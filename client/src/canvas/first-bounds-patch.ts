import cytoscape from 'cytoscape';

/** The parts of Cytoscape's element internals the patched measuring reads. */
interface ElementInternals {
  _private: { bbCache: unknown; rstyle: { clean?: boolean; cleanConnected?: boolean } };
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
 * was never measured, so never drawn: measuring skips the clearing for it. Likewise for an element
 * the renderer has not looked at yet (added, and not through a frame): adding and first styling
 * announced new bounds for every element of a new map, 20,000 events that told the renderer
 * nothing (it computes everything for an element it has not seen, which the 'add' and 'style'
 * events queue). Maps with compound nodes keep Cytoscape's own (a parent's cache is emptied
 * without announcement).
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
    if (!this.cy().hasCompoundNodes() && isUncached(this) && (measuring > 0 || isUnseen(this))) return this;
    return dirtyBoundingBoxCache.call(this);
  };
}

function isUncached(elements: Collection): boolean {
  for (let i = 0; i < elements.length; i++) if (elements[i]?._private.bbCache != null) return false;
  return true;
}

/**
 * Whether the renderer has computed nothing for any of the elements: it marks an element's
 * rendered style clean or dirty once it has (Cytoscape 3.34's `rstyle`, empty on a new element).
 */
function isUnseen(elements: Collection): boolean {
  for (let i = 0; i < elements.length; i++) {
    const rstyle = elements[i]?._private.rstyle;
    if (!rstyle || rstyle.clean !== undefined || rstyle.cleanConnected !== undefined) return false;
  }
  return true;
}
