/**
 * Width of an element that may mount later (a callback ref, unlike a ref object,
 * tells us when it appears); settles after resizing stops.
 */
import { useCallback, useEffect, useState } from 'react';

export function useBoxWidth(settleMs = 120): [(el: HTMLElement | null) => void, number] {
  const [el, setEl] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(0);
  const ref = useCallback((node: HTMLElement | null) => setEl(node), []);
  useEffect(() => {
    if (!el) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const measure = () => setWidth(el.clientWidth);
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
  }, [el, settleMs]);
  return [ref, width];
}
