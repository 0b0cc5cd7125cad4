/**
 * File types decided by CONTENT (magic bytes; Office documents by the entries of the ZIP central directory),
 * never by the file name or the type the client declared: a renamed .exe is not a PDF.
 */
export const FILE_KINDS = ['pdf', 'docx', 'xlsx', 'jpeg', 'png'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const MEDIA_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

export const EXTENSIONS: Record<FileKind, string> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  jpeg: 'jpg',
  png: 'png',
};

/** Seed 000 / issue 6: documents up to 20 MB each. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const startsWith = (b: Uint8Array, sig: readonly number[]) =>
  b.length >= sig.length && sig.every((v, i) => b[i] === v);

/** The kind of `bytes`, or null when it is none of the accepted kinds. */
export function sniffKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names?.has('[Content_Types].xml')) return null;
    // Macro-enabled documents (docm/xlsm) carry a VBA project: not accepted as documents.
    if ([...names].some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * The entry names of a ZIP archive read from its central directory (found through the end-of-central-directory
 * record), or null when the structure does not hold together. ZIP64 archives are not read (null): Office
 * documents under the upload limit never need it.
 */
export function zipEntryNames(bytes: Uint8Array): Set<string> | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minEocd = 22;
  if (bytes.length < minEocd) return null;
  // The EOCD record ends the file, followed by a comment of at most 65 535 bytes.
  const lowest = Math.max(0, bytes.length - minEocd - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - minEocd; i >= lowest; i--) {
    if (
      view.getUint32(i, true) === EOCD_SIGNATURE &&
      i + minEocd + view.getUint16(i + 20, true) === bytes.length
    ) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > eocd) return null;
  const names = new Set<string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let p = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) return null;
    if (localOffset + 30 > cdOffset || view.getUint32(localOffset, true) !== LOCAL_SIGNATURE) return null;
    names.add(decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
