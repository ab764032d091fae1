import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { chainFirst, keyForLevel, type LevelDraft, moveItem } from './levels.ts';

interface Props {
  levels: LevelDraft[];
  onChange: (levels: LevelDraft[]) => void;
  /** Actors per level key: a level in use is not simply removed (its actors would have no level). */
  actorCounts?: Readonly<Record<string, number>>;
  /** Moves a used level's actors to another level, then removes it (saving at once). */
  onMoveAndRemove?: (key: string, toKey: string) => Promise<void>;
}

/**
 * The chain's levels, top to bottom, then side levels: rename in place, mark as side level, move
 * with the buttons, Alt+↑/↓ or by dragging, remove, and add at the end.
 */
export function LevelsEditor({ levels, onChange: change, actorCounts = {}, onMoveAndRemove }: Props) {
  const { t } = useTranslation();
  const [newName, setNewName] = useState('');
  const [dragged, setDragged] = useState<number | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  // Side levels stand beside the chain: they always follow it.
  const onChange = (next: LevelDraft[]) => change(chainFirst(next));
  const set = (i: number, patch: Partial<LevelDraft>) =>
    onChange(levels.map((level, j) => (j === i ? { ...level, ...patch } : level)));
  const move = (from: number, to: number) => onChange(moveItem(levels, from, to));
  const add = () => {
    const name = newName.trim();
    if (!name) return;
    const side = levels.findIndex((l) => l.isSide);
    const level = {
      key: keyForLevel(
        name,
        levels.map((l) => l.key),
      ),
      name,
      isSide: false,
    };
    // A new chain level goes last in the chain, above the side levels.
    onChange(side === -1 ? [...levels, level] : [...levels.slice(0, side), level, ...levels.slice(side)]);
    setNewName('');
  };

  return (
    <div className="levels-editor">
      <ol className="levels-editor__list" aria-label={t('levels.title')}>
        {levels.map((level, i) => {
          const count = actorCounts[level.key] ?? 0;
          return (
            <li
              key={level.key}
              data-level={level.key}
              draggable
              className={dragged === i ? 'levels-editor__row levels-editor__row--dragged' : 'levels-editor__row'}
              onDragStart={(e) => {
                setDragged(i);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null) move(dragged, i);
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              onKeyDown={(e) => {
                if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
                  e.preventDefault();
                  move(i, e.key === 'ArrowUp' ? i - 1 : i + 1);
                }
              }}
            >
              <span className="levels-editor__grip" aria-hidden="true">
                ⠿
              </span>
              <span className="levels-editor__rank">{level.isSide ? t('levels.side') : `${i + 1}.`}</span>
              <input
                aria-label={t('levels.name', { n: i + 1 })}
                name={`level-${level.key}`}
                value={level.name}
                required
                maxLength={100}
                onChange={(e) => set(i, { name: e.target.value })}
              />
              <label className="levels-editor__side">
                <input
                  type="checkbox"
                  checked={level.isSide}
                  // Beside the chain, or back into it: either way the level goes last of its group.
                  onChange={(e) =>
                    onChange([...levels.filter((_, j) => j !== i), { ...level, isSide: e.target.checked }])
                  }
                />{' '}
                {t('levels.isSide')}
              </label>
              <button
                type="button"
                aria-label={t('levels.up', { name: level.name })}
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('levels.down', { name: level.name })}
                disabled={i === levels.length - 1}
                onClick={() => move(i, i + 1)}
              >
                ↓
              </button>
              {count > 0 ? <span className="hint">{t('levels.actors', { count })}</span> : null}
              <button
                type="button"
                aria-label={t('levels.remove', { name: level.name })}
                onClick={() => (count > 0 ? setRemoving(level.key) : onChange(levels.filter((_, j) => j !== i)))}
              >
                {t('common.delete')}
              </button>
              {removing === level.key && onMoveAndRemove ? (
                <MoveActors
                  level={level}
                  count={count}
                  others={levels.filter((l) => l.key !== level.key)}
                  onCancel={() => setRemoving(null)}
                  onMove={async (toKey) => {
                    await onMoveAndRemove(level.key, toKey);
                    setRemoving(null);
                  }}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="inline-form">
        <label className="field">
          <span className="field__label">{t('levels.newName')}</span>
          <input
            name="newLevel"
            value={newName}
            maxLength={100}
            onChange={(e) => setNewName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
          />
        </label>
        <button type="button" onClick={add} disabled={!newName.trim()}>
          {t('levels.add')}
        </button>
      </div>
      <p className="hint">{t('levels.help')}</p>
    </div>
  );
}

/** A used level cannot just go: say how many actors use it and move them to another level first. */
function MoveActors(props: {
  level: LevelDraft;
  count: number;
  others: LevelDraft[];
  onCancel: () => void;
  onMove: (toKey: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [toKey, setToKey] = useState(props.others[0]?.key ?? '');
  const [isBusy, setBusy] = useState(false);
  return (
    <div
      className="levels-editor__move"
      role="group"
      aria-label={t('levels.inUse', { name: props.level.name, count: props.count })}
    >
      <p role="alert">{t('levels.inUse', { name: props.level.name, count: props.count })}</p>
      <label>
        {t('levels.moveTo')}{' '}
        <select name="moveTo" value={toKey} onChange={(e) => setToKey(e.target.value)}>
          {props.others.map((l) => (
            <option key={l.key} value={l.key}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        disabled={!toKey || isBusy}
        onClick={() => {
          setBusy(true);
          void props.onMove(toKey).finally(() => setBusy(false));
        }}
      >
        {t('levels.moveAndRemove')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
