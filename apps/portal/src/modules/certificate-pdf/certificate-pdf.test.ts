import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import {
  PDFArray,
  PDFDocument,
  PDFName,
  type PDFNumber,
  type PDFObject,
  PDFRawStream,
  type PDFRef,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type CertificatePdfInput, renderCertificatePdf } from './render';

const base: CertificatePdfInput = {
  number: 'KZ.7500001.07.03.00042',
  holderName: 'ТОО «Демо Сертификация»',
  holderBin: '940140000385',
  standard: 'СТ РК ISO 9001-2016 (ISO 9001:2015)',
  scope: 'Проектирование, строительство и ремонт зданий и сооружений; оказание инжиниринговых услуг.',
  issuedAt: new Date('2026-11-20T06:00:00Z'),
  validUntil: new Date('2029-11-19T06:00:00Z'),
  bodyName: 'ТОО «Қазақстан Сертификаттау Орталығы»',
  bodyBin: '100140011059',
  attestatNumber: 'KZ.O.02.0123',
  publicUrl: 'https://portal.example.kz/registry/certificates/3f0c8a9e-58a2-4d1b-9d0c-2f1f4b7a6c11',
  lang: 'ru',
};

const streamBytes = (s: PDFRawStream) =>
  s.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode')
    ? inflateSync(s.contents)
    : Buffer.from(s.contents);

function allStreams(pdf: PDFDocument): PDFRawStream[] {
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream);
}

/** glyph id (4 hex digits) → text, from the embedded font's ToUnicode CMap (bfchar and bfrange). */
function toUnicodeMap(pdf: PDFDocument): Map<string, string> {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const s of allStreams(pdf)) {
    const text = streamBytes(s).toString('latin1');
    if (!text.includes('begincmap')) continue;
    for (const [, block] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, src, dst] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        map.set(src.toLowerCase(), utf16(dst));
    for (const [, block] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, lo, hi, dst] of block.matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g,
      )) {
        const start = Number.parseInt(lo, 16);
        for (let g = start; g <= Number.parseInt(hi, 16); g++) {
          const code = Number.parseInt(dst, 16) + (g - start);
          map.set(g.toString(16).padStart(lo.length, '0'), String.fromCharCode(code));
        }
      }
  }
  return map;
}

/** The strings the page shows: every `<hex> Tj` of the content stream, decoded through ToUnicode. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const cmap = toUnicodeMap(pdf);
  const contents = pdf.getPage(0).node.Contents();
  const streams =
    contents instanceof PDFArray
      ? contents.asArray().map((r) => pdf.context.lookup(r as PDFRef) as PDFRawStream)
      : [contents as unknown as PDFRawStream];
  const ops = streams.map((s) => streamBytes(s).toString('latin1')).join('\n');
  return [...ops.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g)].map(([, hex]) =>
    (hex.match(/.{4}/g) ?? []).map((g) => cmap.get(g.toLowerCase()) ?? '?').join(''),
  );
}

/** The page's one image XObject decoded to RGBA (pdf-lib stores a PNG as Flate RGB + an SMask). */
async function pageImage(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const images = allStreams(pdf).filter((s) => s.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
  const rgbImage = images.find((s) => s.dict.get(PDFName.of('ColorSpace')) === PDFName.of('DeviceRGB'));
  if (!rgbImage) throw new Error('no RGB image in the PDF');
  const num = (o: PDFObject | undefined) => (o as PDFNumber).asNumber();
  const width = num(rgbImage.dict.get(PDFName.of('Width')));
  const height = num(rgbImage.dict.get(PDFName.of('Height')));
  const rgbBytes = streamBytes(rgbImage);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set([rgbBytes[i * 3], rgbBytes[i * 3 + 1], rgbBytes[i * 3 + 2], 255], i * 4);
  }
  return {
    width,
    height,
    rgba,
    count: images.filter((s) => s.dict.get(PDFName.of('ColorSpace')) !== undefined).length,
  };
}

describe('renderCertificatePdf', () => {
  it('a one-page A4 PDF that pdf-lib parses, with the number, holder and dates as text (ToUnicode)', async () => {
    const bytes = await renderCertificatePdf(base);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(pdf.getTitle()).toBe(`Сертификат соответствия системы менеджмента № ${base.number}`);
    const texts = await pageTexts(bytes);
    expect(texts).toContain(`№ ${base.number}`);
    expect(texts).toContain('СЕРТИФИКАТ СООТВЕТСТВИЯ');
    expect(texts).toContain(base.holderName);
    expect(texts).toContain(base.bodyName); // Kazakh letters Қ, ұ, ғ through the embedded font
    expect(texts).toContain('20.11.2026');
    expect(texts).toContain('19.11.2029');
    expect(texts).toContain(base.standard);
  });

  it('carries a QR code that decodes to the public URL', async () => {
    const image = await pageImage(await renderCertificatePdf(base));
    const decoded = jsQR(image.rgba, image.width, image.height);
    expect(decoded?.data).toBe(base.publicUrl);
  });

  it('the same input gives the same bytes (the body signs the PDF; a regenerated copy must match)', async () => {
    const a = await renderCertificatePdf(base);
    const b = await renderCertificatePdf({ ...base });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const other = await renderCertificatePdf({ ...base, number: 'KZ.7500001.07.03.00043' });
    expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
  });

  it('kk and en labels; optional body rows left out when not given', async () => {
    const kk = await pageTexts(await renderCertificatePdf({ ...base, lang: 'kk' }));
    expect(kk).toContain('СӘЙКЕСТІК СЕРТИФИКАТЫ');
    expect(kk).toContain('Сертификаттау органы');
    const en = await pageTexts(
      await renderCertificatePdf({ ...base, lang: 'en', bodyBin: undefined, attestatNumber: undefined }),
    );
    expect(en).toContain('CERTIFICATE OF CONFORMITY');
    expect(en).toContain('No. KZ.7500001.07.03.00042');
    expect(en).not.toContain('Body BIN');
    expect(en).not.toContain(base.attestatNumber);
  });

  it('a very long scope still fits one page, in smaller type, cut with an ellipsis', async () => {
    const scope = Array.from({ length: 120 }, (_, i) => `вид деятельности ${i + 1};`).join(' ');
    const bytes = await renderCertificatePdf({ ...base, scope });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const texts = await pageTexts(bytes);
    expect(texts.some((t) => t.endsWith(' …'))).toBe(true);
    expect(texts).toContain(`№ ${base.number}`);
    // The QR code is still readable.
    const image = await pageImage(bytes);
    expect(jsQR(image.rgba, image.width, image.height)?.data).toBe(base.publicUrl);
  });
});
