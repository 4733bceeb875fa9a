import { PDFDocument, StandardFonts } from 'pdf-lib';
import { SECTION_TITLES, SECTIONS, type SectionName } from './report';

/** A plain, printable PDF of the signed report (Helvetica, wrapped text, every section). */
export async function reportPdf(input: {
  title: string;
  patientLine: string;
  sections: Record<SectionName, string>;
  signatureLine: string;
}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let page = doc.addPage([595, 842]);
  let y = 800;
  const write = (text: string, f = font, size = 10) => {
    for (const paragraph of text.replace(/[^\x20-\x7E\n]/g, '?').split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const next = line ? `${line} ${word}` : word;
        if (f.widthOfTextAtSize(next, size) > 495) {
          emit(line, f, size);
          line = word;
        } else line = next;
      }
      emit(line, f, size);
    }
  };
  const emit = (line: string, f: typeof font, size: number) => {
    if (y < 60) {
      page = doc.addPage([595, 842]);
      y = 800;
    }
    page.drawText(line, { x: 50, y, size, font: f });
    y -= size + 4;
  };
  write(input.title, bold, 14);
  write(input.patientLine);
  y -= 6;
  for (const s of SECTIONS) {
    write(SECTION_TITLES[s], bold, 11);
    write(input.sections[s]);
    y -= 6;
  }
  write(input.signatureLine, bold, 10);
  return Buffer.from(await doc.save());
}
