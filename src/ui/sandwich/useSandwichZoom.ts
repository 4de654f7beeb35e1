import { useEffect, useState } from 'react';

/**
 * The two zoom paths of a callers/callees view (each a path from the function outwards).
 * They start at the function, so picking another function starts unzoomed.
 */
export function useSandwichZoom(name: string | null) {
  const [callersPath, setCallersPath] = useState<string[]>([]);
  const [calleesPath, setCalleesPath] = useState<string[]>([]);
  useEffect(() => {
    setCallersPath([]);
    setCalleesPath([]);
  }, [name]);
  return { callersPath, calleesPath, setCallersPath, setCalleesPath };
}
