import path from 'node:path';
import { UserError } from '../errors';

export interface Extracted {
  text: string;
  /** Page n (1-based) covers text[start, end). */
  pages: { page: number; start: number; end: number }[];
  kind: 'txt' | 'pdf' | 'docx';
}

const MAX_BYTES = 50 * 1024 * 1024;

/** Text of a .txt, .pdf (pdfjs, keeping pages) or .docx (mammoth); anything unreadable is a UserError with why. */
export async function extractText(name: string, bytes: Buffer): Promise<Extracted> {
  if (bytes.length === 0) throw new UserError('the file is empty', name);
  if (bytes.length > MAX_BYTES)
    throw new UserError(`the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 50 MB`, name);
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'txt') {
    const text = bytes.toString('utf8');
    if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > text.length / 100)
      throw new UserError('is not UTF-8 text', name);
    return { text, pages: [{ page: 1, start: 0, end: text.length }], kind: 'txt' };
  }
  if (ext === 'pdf') {
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new UserError('is not a PDF (no %PDF- header)', name);
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
    try {
      doc = await pdfjs.getDocument({
        data: new Uint8Array(bytes),
        isEvalSupported: false,
        useSystemFonts: false,
        disableFontFace: true,
        standardFontDataUrl: `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`,
      }).promise;
    } catch (error) {
      throw new UserError(`cannot be read as PDF: ${(error as Error).message}`, name);
    }
    let text = '';
    const pages: Extracted['pages'] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      const start = text.length;
      let lastY: number | undefined;
      for (const item of content.items as { str: string; transform: number[]; hasEOL?: boolean }[]) {
        const y = item.transform[5];
        if (lastY !== undefined && y !== lastY && !text.endsWith('\n')) text += '\n';
        text += item.str;
        if (item.hasEOL) text += '\n';
        lastY = y;
      }
      if (!text.endsWith('\n')) text += '\n';
      pages.push({ page: p, start, end: text.length });
    }
    await doc.destroy();
    if (text.trim() === '')
      throw new UserError('has no extractable text (a scanned image? OCR is not supported)', name);
    return { text, pages, kind: 'pdf' };
  }
  if (ext === 'docx') {
    const mammoth = await import('mammoth');
    try {
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      return { text: value, pages: [{ page: 1, start: 0, end: value.length }], kind: 'docx' };
    } catch (error) {
      throw new UserError(`cannot be read as DOCX: ${(error as Error).message}`, name);
    }
  }
  throw new UserError(`unsupported file type ".${ext}" (use .txt, .pdf or .docx)`, name);
}

export function pageOf(pages: Extracted['pages'], offset: number): number {
  return pages.find((p) => offset >= p.start && offset < p.end)?.page ?? pages.at(-1)?.page ?? 1;
}
