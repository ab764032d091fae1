import type { ReactNode } from 'react';

/** A full-width page beside the map (settings, members, history…): a title, a way back, sections. */
export function Page(props: { title: string; backLabel: string; onBack: () => void; children: ReactNode }) {
  return (
    <main className="page" id="page">
      <div className="page__inner">
        <div className="page__head">
          <h2>{props.title}</h2>
          <button type="button" data-action="back" onClick={props.onBack}>
            ← {props.backLabel}
          </button>
        </div>
        {props.children}
      </div>
    </main>
  );
}
