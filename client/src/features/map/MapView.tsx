import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type CanvasPick, MapCanvas } from '../../canvas/MapCanvas.tsx';
import type { Point } from '../../canvas/layered-layout.ts';
import { loadPositions, positionsKey, savePositions } from '../../lib/positions-storage.ts';
import { useLinkTallies } from '../../state/link-tally-store.ts';
import type { MapData } from '../../state/map-store.ts';
import { canEdit, useMapState } from '../../state/map-store.ts';
import { selectionActions, selectionStore, useSelection } from '../../state/selection-store.ts';
import { useView, viewActions } from '../../state/view-store.ts';
import { editorActions } from '../editing/editor-store.ts';
import { compareScenarios, couplingMarks } from '../scenarios/compare.ts';
import { canvasHandleStore } from './canvas-handle.ts';
import { Legend } from './Legend.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { searchTexts, toCanvasMap } from './to-canvas-map.ts';
import { toClassSets } from './to-class-sets.ts';
import { useDrawnMap } from './use-drawn-map.ts';

/** Composes the canvas from state: map + comparison, filters and emphasis, saved positions. */
export function MapView({ map }: { map: MapData }) {
  const { t, i18n } = useTranslation();
  const compareStatus = useMapState((s) => s.compareStatus);
  const isEditor = useMapState((s) => canEdit(s.role));
  const view = useView();
  const selected = useSelection((s) => s.selected);
  const linkTallies = useLinkTallies((s) => s.tallies);
  // Along the timeline the map keeps the layout it started with, so actors stay where they are.
  const timeline = useMapState((s) => s.timeline);
  const key = positionsKey(map.organisation.id, timeline?.layoutScenarioId ?? map.scenario.id);
  const [saved, setSaved] = useState(() => ({ key, positions: loadPositions(key) }));
  const savedPositions = saved.key === key ? saved.positions : loadPositions(key);

  const otherLinks = compareStatus.type === 'ready' ? compareStatus.data.links : null;
  const { canvasMap, diff } = useMemo(() => {
    const base = toCanvasMap(map);
    if (!otherLinks) return { canvasMap: base, diff: new Map() };
    const result = compareScenarios(base.links, otherLinks);
    return { canvasMap: { ...base, links: result.links }, diff: timeline ? couplingMarks(result) : result.marks };
  }, [map, otherLinks, timeline]);
  const texts = useMemo(() => searchTexts(map), [map]);
  const disagreeing = useMemo(() => new Set(map.disagreeingLinkIds), [map]);
  const classSets = useMemo(
    () =>
      toClassSets(canvasMap, {
        filters: view.filters,
        search: view.search,
        focusActorId: view.focusActorId,
        pathEnds: view.pathEnds,
        emphasis: view.emphasis,
        searchText: texts,
        disagreeingLinkIds: disagreeing,
      }),
    [canvasMap, view.filters, view.search, view.focusActorId, view.pathEnds, view.emphasis, texts, disagreeing],
  );
  const { drawnMap, drawnSets, collapsed, drawnId } = useDrawnMap(canvasMap, classSets, view);

  const onPick = useCallback((pick: CanvasPick) => {
    const { pending } = selectionStore.getState();
    if (pending && pick?.entity === 'actor') {
      selectionActions.startPick(null);
      if (pending.mode === 'link') editorActions.open({ type: 'link', sourceId: pending.fromId, targetId: pick.id });
      else viewActions.setPathEnds([pending.fromId, pick.id]);
      return;
    }
    selectionActions.select(pick);
    if (pick) viewActions.showPanel('details');
  }, []);
  // Dropping a link dragged from an actor's handle opens the same form as "link from selected".
  const onConnect = useCallback((sourceId: string, targetId: string) => {
    selectionActions.startPick(null);
    editorActions.open({ type: 'link', sourceId, targetId });
  }, []);
  const onPositionsChange = useCallback(
    (positions: Map<string, Point>) => {
      savePositions(key, positions);
      setSaved({ key, positions });
    },
    [key],
  );

  // What the keyboard is on, said to screen readers as it moves.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const describeActor = (id: string) => {
    const actor = map.actors.find((a) => a.id === id);
    if (!actor) return map.units.find((u) => u.id === id)?.name ?? '';
    const level = map.organisation.levels.find((l) => l.key === actor.levelKey)?.name ?? actor.levelKey;
    const links = map.links.filter((l) => l.sourceId === id || l.targetId === id).length;
    return t('map.focused', { name: actor.name, level, links: t('count.links', { count: links }) });
  };

  // The legend lies over the bottom of the map; fitting keeps the map clear of it.
  const legend = useRef<HTMLDetailsElement>(null);
  const coveredEdges = useCallback(
    () => ({ top: 12, right: 12, bottom: (legend.current?.offsetHeight ?? 0) + 12 }),
    [],
  );

  const isAllFiltered = map.actors.length > 0 && map.actors.every((a) => classSets.hidden.has(a.id));
  return (
    <div className="map-view">
      <MapCanvas
        key={key}
        map={drawnMap}
        diff={diff}
        savedPositions={savedPositions}
        classSets={drawnSets}
        linkTallies={linkTallies}
        layoutMode={view.layoutMode}
        layoutRun={view.layoutRun}
        selectedId={
          selected && selected.entity !== 'arena'
            ? drawnId(selected.entity === 'unit' ? `unit:${selected.id}` : selected.id)
            : null
        }
        ariaLabel={t('map.label', {
          actors: t('count.actors', { count: map.actors.length }),
          links: t('count.links', { count: map.links.length }),
        })}
        roleDescription={t('map.roleDescription')}
        onFocusActor={setFocusedId}
        coveredEdges={coveredEdges}
        linkHandleLabel={isEditor ? t('actions.linkHandle') : null}
        onPick={onPick}
        onOpenUnit={viewActions.toggleUnitOpen}
        onConnect={onConnect}
        onPositionsChange={onPositionsChange}
        onHandle={(handle) => canvasHandleStore.setState({ handle })}
      />
      <Legend ref={legend} />
      <HighlightNote map={map} />
      <ShortcutHelp />
      <p className="visually-hidden" aria-live="polite" data-testid="map-announcer">
        {focusedId ? describeActor(focusedId) : ''}
      </p>
      {collapsed && collapsed.collapsedUnitIds.length > 0 ? (
        <p className="map-view__note" data-testid="collapsed-note">
          {t('status.collapsedUnits', {
            count: collapsed.collapsedUnitIds.length,
            elements: (canvasMap.actors.length + canvasMap.links.length + canvasMap.units.length).toLocaleString(
              i18n.language,
            ),
          })}
        </p>
      ) : null}
      {map.actors.length === 0 ? <p className="map-view__empty">{t('empty.emptyMap')}</p> : null}
      {isAllFiltered ? (
        <p className="map-view__empty">
          {t('empty.filteredOut')} <button onClick={viewActions.clearFilters}>{t('filters.clear')}</button>
        </p>
      ) : null}
    </div>
  );
}

/** Says what dims the map (a finding, a focus, a best path) and clears it: not only by Esc. */
function HighlightNote({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const { emphasis, focusActorId, pathEnds } = useView();
  const name = (id: string) => map.actors.find((a) => a.id === id)?.name ?? id;
  let text: string | null = null;
  if (pathEnds) text = t('highlight.path', { from: name(pathEnds[0]), to: name(pathEnds[1]) });
  else if (focusActorId) text = t('highlight.focus', { name: name(focusActorId) });
  else if (emphasis) text = t('highlight.finding');
  if (!text) return null;
  return (
    <p className="map-view__highlight" role="status" data-testid="highlight-note">
      {text}{' '}
      <button onClick={viewActions.clearHighlight} data-action="clearHighlight">
        {t('highlight.clear')} <kbd>Esc</kbd>
      </button>
    </p>
  );
}
