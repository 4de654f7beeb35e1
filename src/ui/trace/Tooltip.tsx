/** A chart tooltip: text only (names from traces are data, never markup), kept inside the chart box. */
import type { ReactNode } from 'react';

export function Tooltip({ x, y, boxWidth, children, testId }: { x: number; y: number; boxWidth: number; children: ReactNode; testId?: string }) {
  // Right of the pointer on the left half, left of it on the right half.
  const style: React.CSSProperties = x < boxWidth / 2 ? { left: x + 14, top: y + 10 } : { right: Math.max(0, boxWidth - x + 14), top: y + 10 };
  return (
    <div className="tr-tooltip" style={style} role="presentation" data-testid={testId}>
      {children}
    </div>
  );
}
