/** Sample files shipped in public/samples/, opened for a first-time visitor. */
import { openFiles, useFiles, type FileSource } from '../../state/files';

export const SAMPLES: readonly { path: string; name: string }[] = [
  { path: './samples/heap-incident4.pb.gz', name: 'sample: heap-incident4.pb.gz' },
];

/** The single-file build (build/single-file-plugin.ts) embeds the samples, base64 by path: file:// pages cannot fetch. */
declare const __GOROSCOPE_SAMPLES__: Record<string, string> | undefined;

function embedded(path: string): ArrayBuffer | null {
  const b64 = typeof __GOROSCOPE_SAMPLES__ === 'undefined' ? undefined : __GOROSCOPE_SAMPLES__[path];
  if (b64 === undefined) return null;
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
}

export async function loadSamples(): Promise<void> {
  const sources: FileSource[] = [];
  for (const s of SAMPLES) {
    const inPage = embedded(s.path);
    if (inPage) {
      sources.push({ name: s.name, size: inPage.byteLength, read: async () => inPage });
      continue;
    }
    try {
      // Relative to the page, so it works from any sub-path; same origin only.
      const res = await fetch(new URL(s.path, document.baseURI), { credentials: 'same-origin' });
      if (!res.ok) continue;
      const bytes = await res.arrayBuffer();
      sources.push({ name: s.name, size: bytes.byteLength, read: async () => bytes });
    } catch {
      /* a missing sample only means a newcomer starts with the drop hint */
    }
  }
  // The user was quicker than the network: their files win.
  if (useFiles.getState().files.length > 0) return;
  await openFiles(sources, { sample: true });
}
