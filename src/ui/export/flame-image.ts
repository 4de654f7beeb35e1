/**
 * A drawn flame graph as a standalone SVG, as it is shown: every frame's rectangle in its
 * colour (patterns it uses copied along), its label as SVG text (clipped to the frame, so
 * it stays text: searchable, selectable), a title line and the legend. Read from the chart's
 * DOM, so what is exported is what is on screen. And the same picture as a PNG.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';
const HEAD = 26;
const LEGEND = 24;

export interface LegendEntry {
  /** A CSS colour, or url(#id) of a pattern in the page. */
  colour: string;
  label: string;
}

export interface FlameImage {
  svg: string;
  width: number;
  height: number;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Copies the page's elements that url(#id) fills refer to into `defs`, once each. */
function patternCopier(defs: SVGElement): (fill: string) => void {
  const done = new Set<string>();
  return (fill) => {
    const id = /^url\(["']?#([^"')]+)["']?\)$/.exec(fill)?.[1];
    if (!id || done.has(id)) return;
    done.add(id);
    const src = document.getElementById(id);
    if (src) defs.append(src.cloneNode(true));
  };
}

export function flameSvg(chart: Element, o: { title: string; legend: LegendEntry[] }): FlameImage {
  const src = chart.querySelector('svg');
  if (!src) throw new Error('no flame graph is drawn');
  const width = Number(src.getAttribute('width'));
  const chartHeight = Number(src.getAttribute('height'));
  const height = HEAD + chartHeight + (o.legend.length ? LEGEND : 0);
  const page = getComputedStyle(chart);
  const background = page.backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(document.body).backgroundColor : page.backgroundColor;
  const out = el('svg', { xmlns: SVG_NS, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'Verdana, sans-serif', 'font-size': 12 });
  const defs = el('defs', {});
  const copyPattern = patternCopier(defs);
  out.append(defs, el('rect', { width, height, fill: background }));
  out.append(el('text', { x: 4, y: 17, fill: page.color, 'font-size': 13 }, o.title));
  const frames = el('g', { transform: `translate(0,${HEAD})` });
  for (const g of src.querySelectorAll<SVGGElement>('g.frame')) {
    const rect = g.querySelector('rect');
    if (!rect) continue;
    const w = Number(g.getAttribute('width') ?? rect.getAttribute('width'));
    const h = Number(rect.getAttribute('height'));
    const fill = rect.getAttribute('fill') ?? 'none';
    copyPattern(fill);
    const rs = getComputedStyle(rect);
    const frame = el('g', { transform: g.getAttribute('transform') ?? '', opacity: getComputedStyle(g).opacity });
    frame.append(el('rect', { width: w, height: h, fill, 'fill-opacity': rs.fillOpacity, stroke: rs.stroke, 'stroke-width': rs.strokeWidth }));
    const label = g.querySelector<HTMLElement>('foreignObject div');
    if (label && getComputedStyle(label).display !== 'none' && label.textContent) {
      // A nested viewport clips its text to the frame, as the label's overflow does on screen.
      const clip = el('svg', { width: w, height: h });
      clip.append(el('text', { x: 4, y: h * 0.72, fill: getComputedStyle(label).color }, label.textContent));
      frame.append(clip);
    }
    frames.append(frame);
  }
  out.append(frames);
  let x = 4;
  const y = HEAD + chartHeight + 6;
  for (const entry of o.legend) {
    copyPattern(entry.colour);
    out.append(el('rect', { x, y, width: 12, height: 12, fill: entry.colour }));
    const t = el('text', { x: x + 16, y: y + 10.5, fill: page.color, 'font-size': 11 }, entry.label);
    out.append(t);
    x += 28 + entry.label.length * 6.5;
  }
  return { svg: new XMLSerializer().serializeToString(out), width, height };
}

/** The picture at `scale` (1 or 2 device pixels per CSS pixel) as PNG bytes. */
export async function flamePng(image: FlameImage, scale: number): Promise<Uint8Array> {
  // A data: URL, which the page's policy allows for images (a blob: URL it does not).
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(image.svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(image.width * scale);
  canvas.height = Math.round(image.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the picture is too large for a PNG here');
  return new Uint8Array(await blob.arrayBuffer());
}
