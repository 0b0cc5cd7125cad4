import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { CERTIFICATE_LABELS, type CertificateLanguage } from './labels';

export interface CertificatePdfInput {
  /** The certificate number as registered (docs/certification.md names the format). */
  number: string;
  holderName: string;
  holderBin: string;
  /** "ISO 9001:2015" or "СТ РК ISO 9001-2016 …". */
  standard: string;
  scope: string;
  issuedAt: Date | string;
  validUntil: Date | string;
  bodyName: string;
  bodyBin?: string;
  /** The body's accreditation certificate (attestat) number. */
  attestatNumber?: string;
  /** The public certificate page; the QR code points here. */
  publicUrl: string;
  lang: CertificateLanguage;
}

// DejaVu Sans (fonts/, Bitstream Vera licence + public-domain changes: fonts/LICENSE-DejaVu.txt) covers Cyrillic
// including the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І); embedded as a subset, so a certificate is ~40 KB.
let fontBytes: Uint8Array | undefined;
const font = () => {
  fontBytes ??= new Uint8Array(readFileSync(new URL('./fonts/DejaVuSans.ttf', import.meta.url)));
  return fontBytes;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.12, 0.16);
const MUTED = rgb(0.38, 0.4, 0.45);
const ACCENT = rgb(0.05, 0.33, 0.55);

const asDate = (d: Date | string) => (d instanceof Date ? d : new Date(d));
/** DD.MM.YYYY in Almaty's calendar day (UTC+5), as Kazakhstan documents print dates. */
function formatDate(d: Date | string): string {
  const t = new Date(asDate(d).getTime() + 5 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(t.getUTCDate())}.${p(t.getUTCMonth() + 1)}.${t.getUTCFullYear()}`;
}

function wrap(text: string, f: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (line && f.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

/** Lines of at most `width`, breaking anywhere (a long URL has no spaces). */
function breakAnywhere(text: string, f: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && f.widthOfTextAtSize(line + ch, size) > width) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** The largest size (≥ 7) at which `text` fits `maxLines`; at 7 the excess is cut with an ellipsis. */
function fit(text: string, f: PDFFont, width: number, maxHeight: number, sizes = [12, 11, 10, 9, 8, 7]) {
  for (const size of sizes) {
    const lines = wrap(text, f, size, width);
    if (lines.length * (size + 4) <= maxHeight) return { size, lines };
  }
  const size = sizes[sizes.length - 1];
  const max = Math.max(1, Math.floor(maxHeight / (size + 4)));
  const lines = wrap(text, f, size, width).slice(0, max);
  lines[max - 1] = `${lines[max - 1]} …`;
  return { size, lines };
}

function centered(page: PDFPage, text: string, f: PDFFont, size: number, y: number, color = INK) {
  const width = f.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (A4[0] - width) / 2, y, size, font: f, color });
}

/**
 * The certificate of conformity as a one-page A4 PDF (pdf-lib, embedded Cyrillic font, a QR code to
 * `publicUrl`). Deterministic: the same input gives the same bytes (dates in the document info are the issue
 * date), so the body's detached signature over the PDF can be checked against a regenerated copy.
 */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const L = CERTIFICATE_LABELS[input.lang];
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const f = await pdf.embedFont(font(), { subset: true });
  const issued = asDate(input.issuedAt);
  pdf.setTitle(L.documentTitle.replace('{number}', input.number));
  pdf.setSubject(input.publicUrl);
  pdf.setAuthor(input.bodyName);
  pdf.setCreator('tereze');
  pdf.setProducer('tereze (pdf-lib)');
  pdf.setLanguage({ ru: 'ru-KZ', kk: 'kk-KZ', en: 'en' }[input.lang]);
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);

  const page = pdf.addPage(A4);
  const [width, height] = A4;
  page.drawRectangle({
    x: 24,
    y: 24,
    width: width - 48,
    height: height - 48,
    borderColor: ACCENT,
    borderWidth: 2,
  });

  const qrSize = 120;
  const qrY = 80;
  let y = height - 96;
  centered(page, L.title, f, 22, y, ACCENT);
  y -= 26;
  centered(page, L.subtitle, f, 14, y);
  y -= 34;
  centered(page, `${L.number} ${input.number}`, f, 16, y);
  y -= 44;

  const textWidth = width - 2 * MARGIN;
  const sizesUpTo = (size: number) => [size, 11, 10, 9, 8, 7].filter((s) => s <= size);
  const measure = (value: string, size: number, maxLines: number) =>
    fit(value, f, textWidth, maxLines * (size + 4), sizesUpTo(size));
  const heightOf = (m: { size: number; lines: string[] }) => 15 + m.lines.length * (m.size + 4) + 10;
  const row = (label: string, m: { size: number; lines: string[] }) => {
    page.drawText(label, { x: MARGIN, y, size: 9, font: f, color: MUTED });
    y -= 15;
    for (const line of m.lines) {
      page.drawText(line, { x: MARGIN, y, size: m.size, font: f, color: INK });
      y -= m.size + 4;
    }
    y -= 10;
  };
  const before: [string, ReturnType<typeof measure>][] = [
    [L.holder, measure(input.holderName, 14, 2)],
    [L.holderBin, measure(input.holderBin, 12, 1)],
    [L.standard, measure(input.standard, 14, 2)],
  ];
  const after: [string, ReturnType<typeof measure>][] = [
    [L.issuedAt, measure(formatDate(input.issuedAt), 12, 1)],
    [L.validUntil, measure(formatDate(input.validUntil), 12, 1)],
    [L.body, measure(input.bodyName, 12, 2)],
    ...(input.bodyBin
      ? [[L.bodyBin, measure(input.bodyBin, 12, 1)] as [string, ReturnType<typeof measure>]]
      : []),
    ...(input.attestatNumber
      ? [[L.attestat, measure(input.attestatNumber, 12, 1)] as [string, ReturnType<typeof measure>]]
      : []),
  ];
  for (const [label, m] of before) row(label, m);
  // The scope is free text: it gets the room the other rows leave above the QR code, in smaller type if long.
  const fixed = after.reduce((sum, [, m]) => sum + heightOf(m), 0);
  const room = y - fixed - (qrY + qrSize + 12) - 25;
  row(L.scope, fit(input.scope, f, textWidth, Math.max(11, room), sizesUpTo(11)));
  for (const [label, m] of after) row(label, m);

  // The QR code as a PNG of whole modules (8 px each, quiet zone 4 modules), scaled without smoothing.
  const qr = await QRCode.toBuffer(input.publicUrl, {
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 8,
    type: 'png',
  });
  const image = await pdf.embedPng(new Uint8Array(qr));
  page.drawImage(image, { x: width - MARGIN - qrSize, y: qrY, width: qrSize, height: qrSize });
  page.drawText(L.qrCaption, { x: MARGIN, y: qrY + qrSize - 14, size: 10, font: f, color: INK });
  let urlY = qrY + qrSize - 30;
  for (const line of breakAnywhere(input.publicUrl, f, 9, textWidth - qrSize - 20).slice(0, 6)) {
    page.drawText(line, { x: MARGIN, y: urlY, size: 9, font: f, color: ACCENT });
    urlY -= 12;
  }
  let footY = 62;
  for (const line of wrap(L.footer, f, 8, textWidth)) {
    page.drawText(line, { x: MARGIN, y: footY, size: 8, font: f, color: MUTED });
    footY -= 10;
  }
  return pdf.save({ useObjectStreams: false });
}
