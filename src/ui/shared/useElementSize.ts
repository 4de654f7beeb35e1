/**
 * Tracks an element's content box; settles after resizing stops so a drag does not spam the worker.
 * Takes a ref object, or the element itself (kept in state by a callback ref) when it may
 * mount after the hook's component does: a ref object would not say when it appears.
 */
import { useEffect, useState, type RefObject } from 'react';

export function useElementSize(target: RefObject<HTMLElement | null> | HTMLElement | null, settleMs = 120): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = target && 'current' in target ? target.current : target;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => {
      // client size: without a scrollbar, which the content cannot use.
      const next = { width: el.clientWidth, height: el.clientHeight };
      setSize((s) => (s.width === next.width && s.height === next.height ? s : next));
    };
    measure();
    const ro = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(measure, settleMs);
    });
    ro.observe(el);
    return () => {
      clearTimeout(timer);
      ro.disconnect();
    };
  }, [target, settleMs]);
  return size;
}
