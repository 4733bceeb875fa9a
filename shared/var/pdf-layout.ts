import { PDFDocument, type PDFFont, type PDFPage, type RGB, rgb, StandardFonts } from 'pdf-lib';
import type { Table } from './report-tables';

const A4: [number, number] = [595, 842];
const MARGIN = 50;
export const CONTENT_WIDTH = A4[0] - 2 * MARGIN;

export const hexColor = (hex: string): RGB =>
  rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);

// The standard fonts only encode WinAnsi; the report's few other characters (dashes, √) become ASCII.
const ascii = (t: string) =>
  t
    .replace(/[—–]/g, '-')
    .replace(/√/g, 'sqrt ')
    .replace(/[^\x20-\x7E]/g, '-');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of ascii(text).split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  return [...lines, line];
}

/** A4 pages written top to bottom: paragraphs, tables and chart boxes, with page breaks where they do not fit. */
export async function pdfLayout() {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const room = (height: number) => {
    if (y - height >= MARGIN) return;
    page = doc.addPage(A4);
    y = A4[1] - MARGIN;
  };
  const layout = {
    paragraph(text: string, options: { bold?: boolean; size?: number; color?: RGB } = {}) {
      const size = options.size ?? 10;
      for (const line of wrap(text, options.bold ? bold : font, size, CONTENT_WIDTH)) {
        room(size + 4);
        page.drawText(line, { x: MARGIN, y: y - size, size, font: options.bold ? bold : font, color: options.color });
        y -= size + 4;
      }
      y -= 4;
    },
    heading: (text: string) => layout.paragraph(text, { bold: true, size: 12 }),
    table(table: Table) {
      const size = 8;
      // Columns as wide as their longest cell, scaled to the page width (cells wrap when that is too narrow).
      const natural = table.head.map(
        (h, i) =>
          Math.max(...[h, ...table.rows.map((r) => r[i] ?? '')].map((t) => bold.widthOfTextAtSize(ascii(t), size))) + 8,
      );
      const total = natural.reduce((a, b) => a + b, 0);
      const widths = natural.map((w) => (w / total) * CONTENT_WIDTH);
      const row = (cells: string[], f: PDFFont) => {
        const wrapped = cells.map((c, i) => wrap(c, f, size, widths[i]! - 4));
        const height = Math.max(...wrapped.map((w) => w.length)) * (size + 3) + 3;
        room(height);
        let x = MARGIN;
        wrapped.forEach((lines, i) => {
          lines.forEach((l, k) => page.drawText(l, { x, y: y - (k + 1) * (size + 3), size, font: f }));
          x += widths[i]!;
        });
        y -= height;
        page.drawLine({
          start: { x: MARGIN, y },
          end: { x: MARGIN + CONTENT_WIDTH, y },
          thickness: 0.3,
          color: rgb(0.7, 0.7, 0.7),
        });
      };
      room(50); // the caption, the header and a first row stay together
      layout.paragraph(table.caption, { bold: true, size: 10 });
      row(table.head, bold);
      for (const cells of table.rows) row(cells, font);
      y -= 10;
    },
    /** Reserves a box `height` high across the page; `draw` gets the page and a top-left origin mapping. */
    box(height: number, draw: (page: PDFPage, at: (x: number, yDown: number) => { x: number; y: number }) => void) {
      room(height);
      const top = y;
      draw(page, (x, yDown) => ({ x: MARGIN + x, y: top - yDown }));
      y -= height + 10;
    },
    font,
    save: async () => Buffer.from(await doc.save()),
  };
  return layout;
}
