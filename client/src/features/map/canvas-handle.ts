import { create } from 'zustand';

import type { CanvasHandle } from '../../canvas/MapCanvas.tsx';

/** The mounted canvas's handle (fit, zoom, export), for toolbar and keyboard actions. */
export const canvasHandleStore = create<{ handle: CanvasHandle | null }>(() => ({ handle: null }));
export const getCanvas = () => canvasHandleStore.getState().handle;
