import { serializeSvg, type SvgNode } from './svg-node';

/**
 * The fallback map as a PNG, for exports and print (as the live map's canvas): the SVG serialized
 * (every style is an attribute, so the text draws alone), loaded as an image from a data: URL
 * (allowed by the page's CSP, and from file://) and drawn into a canvas.
 */

/** SVG markup of a scene drawn at `ratio` device pixels per CSS pixel: the same view box, a larger image. */
export function svgTextAt(svg: SvgNode, ratio: number): string {
  const width = Number(svg.attrs.width);
  const height = Number(svg.attrs.height);
  return serializeSvg({ ...svg, attrs: { ...svg.attrs, width: Math.round(width * ratio), height: Math.round(height * ratio) } });
}

/** SVG markup as a data: URL an <img> or an Image can load. */
export function svgDataUrl(svgText: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
}

/** A PNG data URL of a scene (sized in CSS pixels) drawn at `ratio` device pixels per CSS pixel. */
export async function svgToPng(svg: SvgNode, ratio: number): Promise<string> {
  const text = svgTextAt(svg, ratio);
  const image = new Image();
  image.src = svgDataUrl(text);
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(Number(svg.attrs.width) * ratio));
  canvas.height = Math.max(1, Math.round(Number(svg.attrs.height) * ratio));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

/**
 * The PNG of the map's last drawing, kept so that image() can answer at once (as the live map's
 * canvas can be read at once): each change marks it stale and renders it again after any
 * rendering under way; several changes in a row make one rendering.
 */
export class RasterCache<T> {
  private chain: Promise<void> = Promise.resolve();
  private isStale = false;
  /** The last rendering, with what `render` returned alongside it. */
  latest: T | null = null;

  /** `render` gives the current drawing's PNG (and its details), or null when there is nothing to draw. */
  constructor(private readonly render: () => Promise<T | null>) {}

  /** The drawing changed: render it again. */
  invalidate(): void {
    this.isStale = true;
    this.chain = this.chain.then(async () => {
      if (!this.isStale) return;
      this.isStale = false;
      try {
        this.latest = (await this.render()) ?? this.latest;
      } catch (e) {
        // An image that cannot be drawn leaves the last one; the map on screen is unaffected.
        console.error('fallback map: the PNG of the map could not be drawn', e);
      }
    });
  }

  /** Resolves when every rendering asked for so far (and any asked for meanwhile) is done. */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.chain;
      await seen;
    } while (seen !== this.chain);
  }
}
