import type { ReactNode } from 'react';

/** A labelled form row with the API's refusal for this field shown right below the input. */
export function Field(props: { label: string; error?: string | null | undefined; children: ReactNode }) {
  return (
    <label className={props.error ? 'field field--error' : 'field'}>
      <span className="field__label">{props.label}</span>
      {props.children}
      {props.error ? (
        <span className="field__error" role="alert">
          {props.error}
        </span>
      ) : null}
    </label>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function Select(props: {
  value: string;
  options: Option[];
  onChange: (v: string) => void;
  emptyLabel?: string;
  name?: string;
}) {
  return (
    <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Yes / no / not assessed, for responsiveness ratings. */
export function TriState(props: {
  value: boolean | null;
  onChange: (v: boolean | null) => void;
  labels: [string, string, string];
  name: string;
}) {
  const value = props.value === null ? '' : String(props.value);
  return (
    <select
      name={props.name}
      value={value}
      onChange={(e) => props.onChange(e.target.value === '' ? null : e.target.value === 'true')}
    >
      <option value="">{props.labels[2]}</option>
      <option value="true">{props.labels[0]}</option>
      <option value="false">{props.labels[1]}</option>
    </select>
  );
}
