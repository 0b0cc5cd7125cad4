import { existsSync, readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import QRCode from 'qrcode';

/** What the certificate PDF shows; `publicUrl` is the QR target (the public certificate page). */
export interface CertificateFacts {
  number: string;
  holderBin: string;
  holderName: string;
  bodyBin: string;
  bodyName: string;
  attestatNumber: string;
  standard: string;
  scope: string;
  issuedOn: string;
  validUntil: string;
  publicUrl: string;
}

/** A Unicode font for Cyrillic and Kazakh letters: CERTIFICATE_FONT, else DejaVu Sans where Debian puts it. */
const FONT_PATHS = [process.env.CERTIFICATE_FONT, '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];
let fontBytes: Uint8Array | null | undefined;
function unicodeFont(): Uint8Array | null {
  if (fontBytes === undefined) {
    const path = FONT_PATHS.find((p): p is string => !!p && existsSync(p));
    fontBytes = path ? new Uint8Array(readFileSync(path)) : null;
  }
  return fontBytes;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The certificate as a one-page A4 PDF with a QR code to its public page. Deterministic for the same facts
 * (fixed document dates), so its SHA-256 is stable. (Stand-in until a shared certification-pdf renderer lands.)
 */
export async function renderCertificate(f: CertificateFacts): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fixed = new Date(`${f.issuedOn}T00:00:00Z`);
  doc.setCreationDate(fixed);
  doc.setModificationDate(fixed);
  doc.setTitle(`Сертификат ${f.number}`);
  doc.setProducer('tereze');
  doc.setCreator('tereze');
  const bytes = unicodeFont();
  let font: PDFFont;
  if (bytes) {
    doc.registerFontkit(fontkit);
    font = await doc.embedFont(bytes, { subset: true });
  } else font = await doc.embedFont(StandardFonts.Helvetica);
  const safe = (s: string) => (bytes ? s : s.replace(/[^\x20-\x7e]/g, '?'));
  const page = doc.addPage([595.28, 841.89]);
  let y = 780;
  const line = (text: string, size = 11, gap = 18) => {
    for (const l of wrap(safe(text), font, size, 500)) {
      page.drawText(l, { x: 48, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      y -= gap;
    }
  };
  line('СЕРТИФИКАТ СООТВЕТСТВИЯ СИСТЕМЫ МЕНЕДЖМЕНТА', 16, 24);
  line('МЕНЕДЖМЕНТ ЖҮЙЕСІНІҢ СӘЙКЕСТІК СЕРТИФИКАТЫ', 12, 28);
  line(`№ ${f.number}`, 14, 26);
  line(`Выдан / Берілді: ${f.holderName} (БИН/ИИН ${f.holderBin})`);
  line(`Стандарт: ${f.standard}`);
  line(`Область сертификации: ${f.scope}`);
  line(`Орган по сертификации: ${f.bodyName} (БИН ${f.bodyBin}), аттестат ${f.attestatNumber}`);
  line(`Дата выдачи: ${f.issuedOn}    Действителен до: ${f.validUntil}`);
  line(`Проверка: ${f.publicUrl}`, 9, 14);
  const png = await QRCode.toBuffer(f.publicUrl, { type: 'png', margin: 1, width: 240 });
  const image = await doc.embedPng(png);
  page.drawImage(image, { x: 48, y: Math.max(40, y - 170), width: 150, height: 150 });
  return doc.save({ useObjectStreams: false });
}
