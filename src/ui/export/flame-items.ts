/** The flame graph entries of an Export menu: SVG, and PNG at 1× and 2×. */
import type { ExportItem } from './ExportMenu';
import { saveFile } from './download';
import { flamePng, flameSvg, type LegendEntry } from './flame-image';

/** `chart` is read when an entry is chosen: the picture is what is on screen then. */
export function flameItems(chart: () => Element | null, o: () => { title: string; legend: LegendEntry[]; name: string }): ExportItem[] {
  const image = () => {
    const c = chart();
    if (!c) throw new Error('no flame graph is drawn');
    const opts = o();
    return { ...flameSvg(c, opts), name: opts.name };
  };
  const png = (scale: number): ExportItem => ({
    label: `Flame graph as PNG (${scale}×)`,
    run: async () => {
      const i = image();
      saveFile(await flamePng(i, scale), `${i.name}${scale === 1 ? '' : `@${scale}x`}.png`, 'image/png');
    },
  });
  return [
    {
      label: 'Flame graph as SVG',
      run: () => {
        const i = image();
        saveFile(i.svg, `${i.name}.svg`, 'image/svg+xml');
      },
    },
    png(1),
    png(2),
  ];
}
