import { type ComboboxOption, Combobox } from './Combobox.tsx';

/**
 * Several options chosen from a long list: a search box that adds the option chosen, and the
 * chosen ones below it, each with a button to remove it.
 */
export function MultiPicker(props: {
  label: string;
  name: string;
  values: readonly string[];
  options: readonly ComboboxOption[];
  onChange: (values: string[]) => void;
  placeholder: string;
  noMatches: string;
  removeLabel: (label: string) => string;
  error?: string | null | undefined;
}) {
  const labelOf = (value: string) => props.options.find((o) => o.value === value)?.label ?? value;
  return (
    <div className="multi-picker" data-picker={props.name}>
      <Combobox
        label={props.label}
        name={props.name}
        value=""
        isClearedOnChoice
        options={props.options.filter((o) => !props.values.includes(o.value))}
        onChange={(value) => value && props.onChange([...props.values, value])}
        placeholder={props.placeholder}
        noMatches={props.noMatches}
        error={props.error}
      />
      {props.values.length > 0 ? (
        <ul className="chips">
          {props.values.map((value) => (
            <li key={value} className="chip">
              {labelOf(value)}
              <button
                type="button"
                aria-label={props.removeLabel(labelOf(value))}
                onClick={() => props.onChange(props.values.filter((v) => v !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
