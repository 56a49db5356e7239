/**
 * A PNG of an SVG document, drawn in the page: the SVG, as an in-memory file (an object URL:
 * nothing is fetched), decoded as an image and drawn on a canvas at `scale`. The SVG holds only
 * shapes and text in the system's fonts, so nothing else is loaded either. Browser only.
 */

/** Chromium refuses canvases past ~16k pixels a side. */
const MAX_SIDE = 16000;
/** A PNG stays under this many pixels (memory: 4 bytes each). */
const MAX_PIXELS = 64_000_000;

/** The scale a drawing of `width` × `height` is rendered at: `wanted`, or less for a huge one. */
export function pngScale(width: number, height: number, wanted = 2): number {
  return Math.min(wanted, MAX_SIDE / Math.max(width, height, 1), Math.sqrt(MAX_PIXELS / Math.max(1, width * height)));
}

export async function svgToPng(svg: string, width: number, height: number, wanted = 2): Promise<Blob> {
  const scale = pngScale(width, height, wanted);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser could not draw the image');
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not draw the image'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
