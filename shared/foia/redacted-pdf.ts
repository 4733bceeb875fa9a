import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Extracted } from './extract';
import { printable, wrapLine } from './pdf-lines';
import { redactedRegions, redactRange } from './regions';
import type { Span } from './types';

const LINE_CHARS = 95;

/**
 * A new PDF generated from the redacted text, page by page as in the source. Nothing of the original file is
 * carried over (no metadata, annotations, attachments or hidden text), so the redacted words are gone.
 */
export async function redactedPdf(extracted: Extracted, spans: readonly Span[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle('Released under FOIA');
  doc.setProducer('Enclave');
  doc.setCreator('Enclave');
  const font = await doc.embedFont(StandardFonts.Courier);
  const size = 9;
  // Regions come from the whole text so a span crossing a page break is removed on every page it touches.
  const regions = redactedRegions(spans);
  for (const page of extracted.pages) {
    const text = printable(redactRange(extracted.text, regions, page.start, page.end));
    let pdfPage = doc.addPage([612, 792]);
    let y = 750;
    for (const raw of text.split('\n')) {
      for (const line of wrapLine(raw, (piece) => piece.length <= LINE_CHARS)) {
        if (y < 40) {
          pdfPage = doc.addPage([612, 792]);
          y = 750;
        }
        pdfPage.drawText(line.trimEnd(), { x: 40, y, size, font });
        y -= size + 3;
      }
    }
  }
  return Buffer.from(await doc.save());
}
