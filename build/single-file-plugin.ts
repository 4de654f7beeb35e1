import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * `npm run build:single`: one HTML file that runs from file:// for teams that cannot host
 * anything. Workers become Vite's inline workers (a blob: URL, which the policy allows for
 * workers), the app's script and styles go into the page, the policy admits that one script
 * by its hash, and the sample is embedded (file:// pages cannot fetch).
 */
const WORKER = /new Worker\(new URL\('(\.\/[\w-]+\.ts)', import\.meta\.url\), (\{[^}]*\})\)/g;

/** Rewrites `new Worker(new URL('./x.ts', import.meta.url), opts)` into an inline worker. */
export function inlineWorkers(): Plugin {
  return {
    name: 'goroscope-inline-workers',
    // Before Vite's own handling of new URL(…, import.meta.url) workers.
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('/src/') || !code.includes('new Worker(new URL(')) return null;
      const imports: string[] = [];
      const out = code.replace(WORKER, (_m, path: string, opts: string) => {
        const name = `__InlineWorker${imports.length}`;
        imports.push(`import ${name} from '${path}?worker&inline';`);
        return `new ${name}(${opts})`;
      });
      return { code: `${imports.join('\n')}\n${out}`, map: null };
    },
  };
}

/** The public/ files the app opens for a newcomer, as base64 by the path it asks for. */
function embeddedSamples(publicDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const dir = join(publicDir, 'samples');
  for (const f of readdirSync(dir)) out[`./samples/${f}`] = readFileSync(join(dir, f)).toString('base64');
  return out;
}

export function singleFilePlugin(): Plugin {
  return {
    name: 'goroscope-single-file',
    apply: 'build',
    enforce: 'post',
    config(c) {
      return { define: { __GOROSCOPE_SAMPLES__: JSON.stringify(embeddedSamples(c.publicDir || 'public')) } };
    },
    generateBundle(_opts, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return;
      let page = String(html.source);
      for (const [name, file] of Object.entries(bundle)) {
        if (file.type === 'chunk' && file.isEntry) {
          // A literal </script> would end the element early.
          const code = file.code.replace(/<\/(script)/gi, '<\\/$1');
          const hash = createHash('sha256').update(code).digest('base64');
          page = page
            .replace(new RegExp(`<script type="module" crossorigin src="\\./${name}"></script>`), () => `<script type="module">${code}</script>`)
            .replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
          delete bundle[name];
        } else if (file.type === 'asset' && name.endsWith('.css')) {
          page = page.replace(new RegExp(`<link rel="stylesheet" crossorigin href="\\./${name}">`), () => `<style>${String(file.source)}</style>`);
          delete bundle[name];
        }
      }
      html.source = page;
    },
  };
}
