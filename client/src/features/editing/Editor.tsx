import type { MapData } from '../../state/map-store.ts';
import { ActorForm } from './ActorForm.tsx';
import { ArenaForm } from './ArenaForm.tsx';
import { useEditor } from './editor-store.ts';
import { LinkForm } from './LinkForm.tsx';
import { UnitForm } from './UnitForm.tsx';

/** Shows the open edit form, keyed so that opening another record starts a fresh form. */
export function Editor({ map }: { map: MapData }) {
  const target = useEditor((s) => s.target);
  const revision = useEditor((s) => s.revision);
  if (!target) return null;
  const key = `${target.type}:${target.id ?? 'new'}:${revision}`;
  switch (target.type) {
    case 'actor':
      return <ActorForm key={key} map={map} id={target.id} levelKey={target.levelKey} unitId={target.unitId} />;
    case 'unit':
      return <UnitForm key={key} map={map} id={target.id} />;
    case 'arena':
      return <ArenaForm key={key} map={map} id={target.id} />;
    case 'link':
      return <LinkForm key={key} map={map} id={target.id} sourceId={target.sourceId} targetId={target.targetId} />;
  }
}
