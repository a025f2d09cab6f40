/**
 * The app icon, drawn at build time: a white speech bubble with a blue "T" on Teller's blue. PNGs
 * are encoded here (zlib from Node, no image library) so the repository holds no binary files.
 */
import { deflateSync } from "node:zlib";

const BRAND: RGB = [0x0b, 0x5c, 0xad];
const WHITE: RGB = [0xff, 0xff, 0xff];
type RGB = [number, number, number];

/** Inside a rounded rectangle (unit coordinates). */
function inRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, r: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + r), right - r);
  const cy = Math.min(Math.max(y, top + r), bottom - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Inside the triangle a-b-c. */
function inTriangle(x: number, y: number, a: [number, number], b: [number, number], c: [number, number]): boolean {
  const side = (p: [number, number], q: [number, number]) => (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
  const d1 = side(a, b), d2 = side(b, c), d3 = side(c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

/**
 * Colour at (x, y) in [0,1]², or null outside the icon. `maskable`: full-bleed background and the
 * mark inside the central safe zone (radius 0.4) that every platform mask keeps.
 */
function colourAt(x: number, y: number, maskable: boolean): RGB | null {
  if (!maskable && !inRoundedRect(x, y, 0, 0, 1, 1, 0.22)) return null;
  // Scale the mark about the centre: smaller on a maskable icon.
  const s = maskable ? 0.78 : 1;
  const u = 0.5 + (x - 0.5) / s;
  const v = 0.5 + (y - 0.5) / s;
  const inT = inRoundedRect(u, v, 0.32, 0.28, 0.68, 0.37, 0.02) || inRoundedRect(u, v, 0.455, 0.28, 0.545, 0.66, 0.02);
  if (inT) return BRAND;
  const bubble =
    inRoundedRect(u, v, 0.2, 0.18, 0.8, 0.74, 0.12) || inTriangle(u, v, [0.3, 0.7], [0.46, 0.7], [0.26, 0.86]);
  return bubble ? WHITE : BRAND;
}

/** RGBA pixels, supersampled so edges are smooth. */
export function drawIcon(size: number, maskable: boolean): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  // Large icons need fewer samples per pixel for the same smoothness (and build time).
  const n = size >= 256 ? 2 : 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, maskable);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
      }
      pixels[i + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** An 8-bit RGBA PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter byte 0 (none) before each row.
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(rows, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", new Uint8Array()),
  ]);
}

export function iconPng(size: number, maskable = false): Buffer {
  return encodePng(size, size, drawIcon(size, maskable));
}
