import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../../server/errors';
import { DEFAULT_MAX_FILE_BYTES, MEDIA_TYPES, sniffKind } from './kinds';
import { fileTooLarge } from './upload';

/** Images bigger than this are refused before decoding (a small file can expand to gigabytes of pixels). */
export const MAX_IMAGE_PIXELS = 40_000_000;

const notAnImage = () => new AppError(400, 'file_type_not_allowed', { allowed: 'JPEG, PNG' });
const imageTooLarge = () =>
  new AppError(413, 'image_too_large', { megapixels: MAX_IMAGE_PIXELS / 1_000_000 });

/** Width × height from the PNG IHDR chunk (always the first chunk, at a fixed offset). */
function pngPixels(bytes: Uint8Array): number {
  if (bytes.length < 24) throw notAnImage();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return view.getUint32(16) * view.getUint32(20);
}

/** The PNG up to its IEND chunk: bytes appended after the image (a common hiding place) are not decoded. */
function pngThroughIend(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 8;
  while (p + 12 <= bytes.length) {
    const length = view.getUint32(p);
    const end = p + 12 + length;
    if (view.getUint32(p + 4) === 0x49454e44) return bytes.subarray(0, Math.min(end, bytes.length)); // IEND
    p = end;
  }
  return bytes;
}

/**
 * Decodes a JPEG or PNG and encodes it again from the pixels alone (pure JS: jpeg-js, pngjs). What is not
 * pixels — EXIF (GPS, camera), comments, ICC profiles, text chunks, anything appended after the image — is
 * dropped, and a file that only looks like an image fails to decode. Refuses non-images (400
 * file_type_not_allowed) and inputs or results over `maxBytes` (413 file_too_large). Note: the EXIF
 * orientation goes too, so a rotated phone photo shows as stored by the camera.
 */
export function reencodeImage(
  bytes: Uint8Array,
  opts: { maxBytes?: number; jpegQuality?: number } = {},
): { bytes: Uint8Array; mediaType: string } {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxBytes) throw fileTooLarge(maxBytes);
  const kind = sniffKind(bytes);
  let out: Uint8Array;
  try {
    if (kind === 'jpeg') {
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 512,
      });
      // Only the pixels: jpeg-js would write back the decoded EXIF and comments if handed the whole result.
      const pixels = { width: image.width, height: image.height, data: image.data };
      out = new Uint8Array(jpeg.encode(pixels, opts.jpegQuality ?? 90).data);
    } else if (kind === 'png') {
      if (pngPixels(bytes) > MAX_IMAGE_PIXELS) throw imageTooLarge();
      const image = PNG.sync.read(Buffer.from(pngThroughIend(bytes)));
      const clean = new PNG({ width: image.width, height: image.height });
      image.data.copy(clean.data);
      out = new Uint8Array(PNG.sync.write(clean, { colorType: 6 }));
    } else {
      throw notAnImage();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    // jpeg-js refuses over-sized images with this message; anything else is a broken image.
    if (/maxResolutionInMP|maxMemoryUsageInMB/.test(String((error as Error).message))) throw imageTooLarge();
    throw notAnImage();
  }
  if (out.length > maxBytes) throw fileTooLarge(maxBytes);
  return { bytes: out, mediaType: MEDIA_TYPES[kind] };
}
