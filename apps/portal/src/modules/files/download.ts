import type { FastifyReply } from 'fastify';
import type { StoredFileInfo } from './service';

/** RFC 6266 / 5987: an ASCII fallback name plus the exact UTF-8 name (Cyrillic file names survive). */
export function contentDisposition(
  filename: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a stored file (after the owning module has checked access): its sniffed media type, the original name,
 * nosniff and a sandboxing CSP (a PDF or image opened inline cannot run script in the portal's origin), the
 * SHA-256 as ETag. Private, not cached, unless the caller says otherwise (a public certificate PDF).
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: { meta: Pick<StoredFileInfo, 'mediaType' | 'filename' | 'sha256'>; bytes: Uint8Array },
  opts: { disposition?: 'attachment' | 'inline'; cacheControl?: string } = {},
) {
  return reply
    .header('content-type', file.meta.mediaType)
    .header('content-disposition', contentDisposition(file.meta.filename, opts.disposition))
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    )
    .header('etag', `"${file.meta.sha256}"`)
    .header('cache-control', opts.cacheControl ?? 'private, no-store')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}
