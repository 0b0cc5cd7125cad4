import type { FastifyRequest } from 'fastify';
import { AppError } from '../../server/errors';
import { DEFAULT_MAX_FILE_BYTES } from './kinds';

export interface UploadedFile {
  /** The form field the file came in. */
  field: string;
  /** The client's file name (untrusted; ctx.files.store sanitises it). */
  filename: string;
  /** The client's declared type (untrusted; only the content decides the kind). */
  declaredType: string;
  bytes: Uint8Array;
}

/** A multipart request: its files (in order) and text fields. The first file is spread at the top level. */
export interface Upload extends UploadedFile {
  files: UploadedFile[];
  fields: Record<string, string>;
}

export interface ReadUploadOptions {
  /** Per file; a larger file is refused with 413 file_too_large (default 20 MB). */
  maxBytes?: number;
  /** Files accepted in one request (default 1; more → 413). */
  maxFiles?: number;
}

/** "20 MB" / "512 KB": the limit as the error message shows it. */
export function formatLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${Math.round(bytes / 1024)} KB`;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppError(413, 'file_too_large', { limit: formatLimit(maxBytes) });

/** readMultipart: the files (possibly none) and the text fields; readUpload requires a file. */
export interface MultipartContent {
  files: UploadedFile[];
  fields: Record<string, string>;
}

/**
 * Reads a multipart/form-data request into memory (@fastify/multipart, registered in app.ts): each file at most
 * `maxBytes` — the stream is cut there and 413 file_too_large thrown, so an oversized upload never reaches
 * memory or disk whole. 400 file_missing when it holds no file; 415 file_not_multipart for other bodies.
 */
export async function readUpload(req: FastifyRequest, opts: ReadUploadOptions = {}): Promise<Upload> {
  const { files, fields } = await readMultipart(req, opts);
  const [first] = files;
  if (!first) throw new AppError(400, 'file_missing');
  return { ...first, files, fields };
}

/** readUpload without the "a file is required" rule (forms where a text field can stand in for the file). */
export async function readMultipart(
  req: FastifyRequest,
  opts: ReadUploadOptions = {},
): Promise<MultipartContent> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFiles = opts.maxFiles ?? 1;
  if (!req.isMultipart()) throw new AppError(415, 'file_not_multipart');
  const files: UploadedFile[] = [];
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({
      limits: { fileSize: maxBytes, files: maxFiles, fields: 20, fieldSize: 64 * 1024, parts: maxFiles + 20 },
    })) {
      if (part.type === 'file') {
        const buffer = await part.toBuffer();
        // An empty file input posts a part with no name and no bytes: not a file.
        if (buffer.length === 0 && !part.filename) continue;
        files.push({
          field: part.fieldname,
          filename: part.filename ?? '',
          declaredType: part.mimetype ?? '',
          bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
        });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError(413, 'payload_too_large', { limit: `${maxFiles} × ${formatLimit(maxBytes)}` });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError(415, 'file_not_multipart');
    if (code === 'FST_PROTO_VIOLATION' || code === 'FST_MP_PREMATURE_CLOSE')
      throw new AppError(400, 'validation_failed');
    throw error;
  }
  return { files, fields };
}
