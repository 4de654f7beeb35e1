/** One side of a sandwich (callers drawn upwards, or callees), titled, with a way back from a zoom. */
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** The callers side: a rule under it, between it and the callees. */
  callers?: boolean;
  /** Zoomed below the function: offers a reset. */
  zoomed: boolean;
  onReset: () => void;
  children: ReactNode;
}

export function SandwichSide({ title, callers, zoomed, onReset, children }: Props) {
  return (
    <section className={`sandwich-side${callers ? ' callers' : ''}`} aria-label={title}>
      <h3 className="sandwich-title">
        {title}
        {zoomed && (
          <button type="button" className="btn small" onClick={onReset}>
            Reset zoom
          </button>
        )}
      </h3>
      {children}
    </section>
  );
}
