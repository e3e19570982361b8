// Writes the app icons in pwa/icons/ from one drawing: the top bar's ◎ in white on the
// accent colour of style/main.css, as an SVG and as 192 and 512 px PNGs (what browsers ask
// of an installable app). The mark stays inside the central 80 % so the square can also be
// masked to a circle. The PNGs are checked in; run this again only to change the drawing:
//
//   node scripts/icons.mjs      (Node.js 20.15 or later, for zlib.crc32)
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';

const ACCENT = [0x1f, 0x5f, 0xa8]; // --accent
const MARK = [0xff, 0xff, 0xff]; // --accent-ink
// On a 512 grid: a ring (centre radius, width) around a disc.
const RING = { r: 150, width: 40 };
const DOT = 64;
const OUT = new URL('../pwa/icons/', import.meta.url);
const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

writeFileSync(new URL('icon.svg', OUT), `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
<rect width="512" height="512" fill="${hex(ACCENT)}"/>
<circle cx="256" cy="256" r="${RING.r}" fill="none" stroke="${hex(MARK)}" stroke-width="${RING.width}"/>
<circle cx="256" cy="256" r="${DOT}" fill="${hex(MARK)}"/>
</svg>
`);

for (const size of [192, 512]) writeFileSync(new URL(`icon-${size}.png`, OUT), png(size));

/** The drawing at `size` px: each pixel mixes the mark in by how much of it the shape
 * covers (a signed distance, clamped to one pixel), so edges are smooth and exact. */
function png(size) {
  const scale = size / 512;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2);
      const inside = Math.min(Math.abs(d - RING.r * scale) - (RING.width * scale) / 2, d - DOT * scale);
      const cover = Math.min(1, Math.max(0, 0.5 - inside));
      for (let c = 0; c < 3; c++) row[1 + x * 3 + c] = Math.round(ACCENT[c] + (MARK[c] - ACCENT[c]) * cover);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
