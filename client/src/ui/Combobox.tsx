import { useCombobox } from 'downshift';
import { useMemo, useState } from 'react';

import { matchRank } from '../lib/match-text.ts';

export interface ComboboxOption {
  value: string;
  label: string;
  /** A second line (role, level, unit): searched too. */
  hint?: string | undefined;
}

/**
 * A text box that finds an option as you type part of its label or hint (ARIA combobox with a
 * listbox, from downshift): ↓/↑ move, Enter or Tab takes the highlighted option, Esc closes.
 * The first match is highlighted, so a few letters and Enter choose. Options are shown in the
 * order given: the caller puts the likeliest first.
 */
export function Combobox(props: {
  label: string;
  name: string;
  value: string;
  options: readonly ComboboxOption[];
  onChange: (value: string) => void;
  placeholder?: string;
  noMatches: string;
  error?: string | null | undefined;
  autoFocus?: boolean;
  /** Empty the box after each choice (the caller keeps what was chosen, e.g. in a list). */
  isClearedOnChoice?: boolean;
}) {
  const selected = props.options.find((o) => o.value === props.value) ?? null;
  // What is typed, for filtering only: downshift owns the input's value (controlling it loses keys).
  const [query, setQuery] = useState(selected?.label ?? '');
  // Showing the chosen option's label is not a search: then every option is listed.
  const items = useMemo(
    () => (selected && query === selected.label ? [...props.options] : bestMatchesFirst(props.options, query)),
    [props.options, query, selected],
  );
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps } = useCombobox({
    items,
    selectedItem: selected,
    initialInputValue: selected?.label ?? '',
    defaultHighlightedIndex: 0,
    itemToString: (item) => item?.label ?? '',
    itemToKey: (item) => item?.value,
    onInputValueChange: ({ inputValue }) => setQuery(inputValue),
    onSelectedItemChange: ({ selectedItem }) => props.onChange(selectedItem?.value ?? ''),
    stateReducer: (state, { type, changes }) => {
      const { InputBlur, InputKeyDownEscape } = useCombobox.stateChangeTypes;
      // Esc, or leaving the box, keeps the chosen option and puts its label back. Tab chooses in
      // onKeyDown below, so a blur never chooses (by then the list may show every option again).
      const isKept = type === InputKeyDownEscape || type === InputBlur;
      if (isKept) return { ...changes, selectedItem: state.selectedItem, inputValue: state.selectedItem?.label ?? '' };
      // A picker of several adds what is chosen elsewhere and starts afresh.
      if (props.isClearedOnChoice && changes.selectedItem) return { ...changes, selectedItem: null, inputValue: '' };
      return changes;
    },
  });
  return (
    <div className={props.error ? 'field field--error combobox' : 'field combobox'}>
      <label className="field__label" {...getLabelProps()}>
        {props.label}
      </label>
      <input
        {...getInputProps({
          name: props.name,
          placeholder: props.placeholder,
          autoFocus: props.autoFocus,
          'data-autofocus': props.autoFocus || undefined,
          // The filter follows the typing in the input event itself: downshift's onInputValueChange
          // comes from an effect, which a Tab typed right after could outrun (choosing from the old list).
          onChange: (e) => setQuery(e.currentTarget.value),
          // Coming back to a chosen option, typing replaces it rather than adding to its name.
          onFocus: (e) => e.currentTarget.select(),
          onKeyDown: (e) => {
            // Esc closes an open list only, not the dialog around it.
            if (e.key === 'Escape' && isOpen) {
              e.preventDefault();
              e.stopPropagation();
            }
            // Downshift reports a choice in an effect after its render, which a key pressed right
            // after Tab or Enter (Ctrl+Enter to save) can outrun: report it in this event instead.
            const highlighted = items[highlightedIndex];
            if ((e.key === 'Tab' || e.key === 'Enter') && isOpen && highlighted) props.onChange(highlighted.value);
          },
        })}
        autoComplete="off"
      />
      {/* tabIndex -1: Chromium makes a scrolling list a Tab stop, which would swallow the Tab that chooses. */}
      <ul
        className={isOpen ? 'combobox__list combobox__list--open' : 'combobox__list'}
        {...getMenuProps({ tabIndex: -1 })}
      >
        {isOpen && items.length === 0 ? <li className="combobox__empty">{props.noMatches}</li> : null}
        {isOpen
          ? items.map((item, index) => (
              <li
                key={item.value}
                className={
                  index === highlightedIndex ? 'combobox__option combobox__option--active' : 'combobox__option'
                }
                {...getItemProps({ item, index, onClick: () => props.onChange(item.value) })}
              >
                <span>{item.label}</span>
                {item.hint ? <small>{item.hint}</small> : null}
              </li>
            ))
          : null}
      </ul>
      {props.error ? (
        <span className="field__error" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** The options that match, better matches first (exact, then beginnings, then word starts), else in the given order. */
function bestMatchesFirst(options: readonly ComboboxOption[], query: string): ComboboxOption[] {
  return options
    .map((option) => ({ option, rank: matchRank(query, [option.label, option.hint]) }))
    .filter((ranked): ranked is { option: ComboboxOption; rank: 0 | 1 | 2 | 3 } => ranked.rank !== null)
    .sort((a, b) => a.rank - b.rank)
    .map((ranked) => ranked.option);
}
