import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { contentDisposition, sendStoredFile } from './download';
import { reencodeImage } from './image';
import { DEFAULT_MAX_FILE_BYTES, sniffKind, zipEntryNames } from './kinds';
import { filesMessagesEn, filesMessagesKk, filesMessagesRu } from './messages';
import { checkFile, safeFilename } from './service';
import { createFsFileStore } from './store';
import {
  multipartBody,
  sampleDocx,
  sampleExe,
  sampleJpeg,
  samplePdf,
  samplePng,
  sampleXlsx,
  zipOf,
} from './test-support';
import { readUpload } from './upload';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tereze-files-'));
const filesDir = path.join(dataDir, 'files');
let t: TestApp;

/** Every file under DATA_DIR/files (blobs and any temp file). */
function filesOnDisk(dir = filesDir): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesOnDisk(p) : [p];
  });
}

const rowCount = async () =>
  Number((await t.database.query<{ n: string }>('SELECT count(*) AS n FROM stored_files'))[0].n);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  t = await createTestApp({
    env: { DATA_DIR: dataDir },
    extend: (app) =>
      app.post('/api/v1/test/upload', async (req, reply) => {
        const upload = await readUpload(req, { maxBytes: DEFAULT_MAX_FILE_BYTES });
        const stored = await t.ctx.files.store({
          bytes: upload.bytes,
          filename: upload.filename,
          purpose: 'test_document',
          allowed: ['pdf', 'docx', 'xlsx', 'jpeg', 'png'],
          ownerAccountId: null,
        });
        return reply.code(201).send({ ...stored, note: upload.fields.note ?? null });
      }) &&
      app.post('/api/v1/test/small-upload', async (req) => {
        const upload = await readUpload(req, { maxBytes: 1024 });
        return { size: upload.bytes.length };
      }) &&
      app.get<{ Params: { id: string } }>('/api/v1/test/files/:id', async (req, reply) =>
        sendStoredFile(reply, await t.ctx.files.read(req.params.id), { disposition: 'inline' }),
      ),
  });
});
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.database.query('DELETE FROM stored_files');
  rmSync(filesDir, { recursive: true, force: true });
});

describe('content sniffing', () => {
  it('recognises each accepted kind by its bytes', () => {
    expect(sniffKind(samplePdf())).toBe('pdf');
    expect(sniffKind(sampleJpeg())).toBe('jpeg');
    expect(sniffKind(samplePng())).toBe('png');
    expect(sniffKind(sampleDocx())).toBe('docx');
    expect(sniffKind(sampleXlsx())).toBe('xlsx');
  });

  it('refuses an executable, a bare zip, a macro document, a broken zip and near-miss signatures', () => {
    expect(sniffKind(sampleExe())).toBeNull();
    expect(sniffKind(zipOf({ 'readme.txt': 'hi' }))).toBeNull();
    expect(sniffKind(zipOf({ 'word/document.xml': '<w/>' }))).toBeNull(); // no [Content_Types].xml
    const docm = zipOf({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': '<w/>',
      'word/vbaProject.bin': 'VBA',
    });
    expect(sniffKind(docm)).toBeNull();
    const docx = sampleDocx();
    expect(sniffKind(docx.subarray(0, docx.length - 5))).toBeNull(); // EOCD cut off
    expect(sniffKind(new TextEncoder().encode('%PDF'))).toBeNull();
    expect(sniffKind(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(sniffKind(new Uint8Array())).toBeNull();
  });

  it('reads entry names from the central directory, not from file names in the data', () => {
    // "word/document.xml" only as data inside another entry: not a docx.
    const fake = zipOf({
      '[Content_Types].xml': '<Types/>',
      'notes.txt': 'word/document.xml xl/workbook.xml',
    });
    expect([...(zipEntryNames(fake) ?? [])]).toEqual(['[Content_Types].xml', 'notes.txt']);
    expect(sniffKind(fake)).toBeNull();
    // A central directory pointing past its bounds is refused, not read.
    const broken = Buffer.from(sampleDocx());
    broken.writeUInt32LE(0x7fffffff, broken.length - 6);
    expect(zipEntryNames(broken)).toBeNull();
  });

  it('checkFile: 20 MB passes the size check, 20 MB + 1 byte is refused', () => {
    const exactly = new Uint8Array(DEFAULT_MAX_FILE_BYTES);
    exactly.set(samplePdf());
    expect(checkFile(exactly, { allowed: ['pdf'] })).toBe('pdf');
    const over = new Uint8Array(DEFAULT_MAX_FILE_BYTES + 1);
    over.set(samplePdf());
    expect(() => checkFile(over, { allowed: ['pdf'] })).toThrow(
      expect.objectContaining({ status: 413, code: 'file_too_large' }),
    );
    expect(() => checkFile(samplePng(), { allowed: ['pdf', 'docx'] })).toThrow(
      expect.objectContaining({
        status: 400,
        code: 'file_type_not_allowed',
        params: { allowed: 'PDF, DOCX' },
      }),
    );
  });

  it('safeFilename drops paths and control characters and sets the detected extension', () => {
    expect(safeFilename('C:\\Users\\a\\..\\отчёт.pdf', 'docx')).toBe('отчёт.docx');
    expect(safeFilename('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(safeFilename('a\u0000b\r\n".png', 'png')).toBe('ab.png');
    expect(safeFilename('', 'jpeg')).toBe('file.jpg');
  });
});

describe('ctx.files', () => {
  it('stores by content: a docx named .pdf is a docx; bytes under files/<aa>/<bb>/<sha256>; read checks them', async () => {
    const docx = sampleDocx();
    const stored = await t.ctx.files.store({
      bytes: docx,
      filename: 'Устав.pdf',
      purpose: 'application_document',
      allowed: ['pdf', 'docx'],
      ownerAccountId: null,
    });
    expect(stored).toMatchObject({
      sha256: sha(docx),
      size: docx.length,
      kind: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      filename: 'Устав.docx',
    });
    const h = sha(docx);
    expect(filesOnDisk()).toEqual([path.join(filesDir, h.slice(0, 2), h.slice(2, 4), h)]);
    const { meta, bytes } = await t.ctx.files.read(stored.id);
    expect(Buffer.from(bytes).equals(Buffer.from(docx))).toBe(true);
    expect(meta.purpose).toBe('application_document');
    const audit = await t.ctx.audit.list({ action: 'file.store' });
    expect(audit[0]).toMatchObject({ targetId: stored.id, details: expect.objectContaining({ sha256: h }) });

    // A blob changed on disk is not handed out as the stored file.
    writeFileSync(filesOnDisk()[0], samplePdf());
    await expect(t.ctx.files.read(stored.id)).rejects.toThrow(/differs from its SHA-256/);
  });

  it('refuses 20 MB + 1 byte and a renamed .exe with nothing stored (no row, no blob, no temp file)', async () => {
    const over = new Uint8Array(DEFAULT_MAX_FILE_BYTES + 1);
    over.set(samplePdf());
    const base = { purpose: 'x', allowed: ['pdf', 'docx'] as const, ownerAccountId: null };
    await expect(t.ctx.files.store({ ...base, bytes: over, filename: 'big.pdf' })).rejects.toMatchObject({
      status: 413,
      code: 'file_too_large',
    });
    await expect(
      t.ctx.files.store({ ...base, bytes: sampleExe(), filename: 'scan.pdf' }),
    ).rejects.toMatchObject({
      status: 400,
      code: 'file_type_not_allowed',
    });
    expect(await rowCount()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it('same content twice: one blob, two rows; the blob goes with the last row', async () => {
    const pdf = samplePdf('shared');
    const base = { bytes: pdf, purpose: 'x', allowed: ['pdf'] as const, ownerAccountId: null };
    const a = await t.ctx.files.store({ ...base, filename: 'a.pdf' });
    const b = await t.ctx.files.store({ ...base, filename: 'b.pdf' });
    expect(a.id).not.toBe(b.id);
    expect(filesOnDisk()).toHaveLength(1);
    await t.ctx.files.remove(a.id);
    expect(filesOnDisk()).toHaveLength(1);
    expect((await t.ctx.files.read(b.id)).bytes.length).toBe(pdf.length);
    await t.ctx.files.remove(b.id);
    expect(filesOnDisk()).toEqual([]);
    await expect(t.ctx.files.read(b.id)).rejects.toMatchObject({ status: 404 });
    await expect(t.ctx.files.remove(b.id)).rejects.toMatchObject({ status: 404 });
    expect((await t.ctx.audit.list({ action: 'file.remove' })).map((e) => e.targetId)).toEqual([b.id, a.id]);
  });

  it('a remove never unlinks a blob a concurrent store (same content, still in its transaction) reuses', async () => {
    const pdf = samplePdf('concurrent');
    const base = { bytes: pdf, purpose: 'x', allowed: ['pdf'] as const, ownerAccountId: null };
    const first = await t.ctx.files.store({ ...base, filename: 'first.pdf' });
    let stored!: () => void;
    const storedInTx = new Promise<void>((resolve) => {
      stored = resolve;
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let second: { id: string } | undefined;
    const storing = t.database.db.transaction(async (tx) => {
      second = await t.ctx.files.store({ ...base, filename: 'second.pdf' }, tx as never);
      stored();
      await gate;
    });
    await storedInTx;
    // The remove of the only committed row with this content must wait for the store's transaction.
    const removing = t.ctx.files.remove(first.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([storing, removing]);
    const { bytes } = await t.ctx.files.read(second!.id);
    expect(Buffer.from(bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it('sweepUnreferenced: removes old blobs no row refers to, keeps referenced and recent ones', async () => {
    const base = { purpose: 'x', allowed: ['pdf'] as const, ownerAccountId: null };
    const kept = await t.ctx.files.store({ ...base, bytes: samplePdf('kept'), filename: 'kept.pdf' });
    const orphan = await t.ctx.files.store({ ...base, bytes: samplePdf('orphan'), filename: 'orphan.pdf' });
    // Removed inside a transaction: the row goes, the blob stays.
    await t.database.db.transaction(async (tx) => t.ctx.files.remove(orphan.id, {}, tx as never));
    expect(filesOnDisk()).toHaveLength(2);
    expect(await t.ctx.files.sweepUnreferenced()).toBe(0); // younger than a day
    expect(await t.ctx.files.sweepUnreferenced({ olderThanMs: -1000 })).toBe(1);
    expect(filesOnDisk().map((p) => path.basename(p))).toEqual([kept.sha256]);
    expect((await t.ctx.files.read(kept.id)).bytes.length).toBe(kept.size);
  });

  it('a row inserted in a rolled-back transaction leaves no row', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.ctx.files.store(
          { bytes: samplePdf('tx'), filename: 'a.pdf', purpose: 'x', allowed: ['pdf'], ownerAccountId: null },
          tx as never,
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowCount()).toBe(0);
  });
});

describe('readUpload over HTTP', () => {
  async function upload(parts: Parameters<typeof multipartBody>[0]) {
    const c = apiClient(t.app);
    await c.init();
    const { payload, headers } = multipartBody(parts);
    return c.request({ method: 'POST', url: '/api/v1/test/upload', payload, headers });
  }

  it('accepts a docx with a wrong extension and declared type as a docx, with its text fields', async () => {
    const res = await upload([
      { name: 'note', value: 'устав' },
      { name: 'file', filename: 'scan.jpg', contentType: 'image/jpeg', value: sampleDocx() },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'docx', filename: 'scan.docx', note: 'устав' });
    expect(await rowCount()).toBe(1);
  });

  it('refuses a 20 MB + 1 byte upload with 413 file_too_large and stores nothing', async () => {
    const over = new Uint8Array(DEFAULT_MAX_FILE_BYTES + 1);
    over.set(samplePdf());
    const res = await upload([
      { name: 'file', filename: 'big.pdf', contentType: 'application/pdf', value: over },
    ]);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'file_too_large',
      message: 'Размер файла превышает допустимый (20 MB)',
    });
    expect(await rowCount()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it('a route with its own smaller limit (1 KB: 1024 bytes pass, 1025 are refused naming the limit)', async () => {
    const c = apiClient(t.app);
    await c.init();
    const send = (n: number) => {
      const { payload, headers } = multipartBody([
        { name: 'file', filename: 'a.pdf', value: new Uint8Array(n) },
      ]);
      return c.request({ method: 'POST', url: '/api/v1/test/small-upload', payload, headers });
    };
    expect((await send(1024)).json()).toEqual({ size: 1024 });
    const over = await send(1025);
    expect(over.statusCode).toBe(413);
    expect(over.json().error.message).toBe('Размер файла превышает допустимый (1 KB)');
  });

  it('accepts exactly 20 MB', async () => {
    const exactly = new Uint8Array(DEFAULT_MAX_FILE_BYTES);
    exactly.set(samplePdf());
    const res = await upload([{ name: 'file', filename: 'max.pdf', value: exactly }]);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ size: DEFAULT_MAX_FILE_BYTES, kind: 'pdf' });
  });

  it('refuses a renamed .exe declared as PDF with 400 file_type_not_allowed and stores nothing', async () => {
    const res = await upload([
      { name: 'file', filename: 'invoice.pdf', contentType: 'application/pdf', value: sampleExe() },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('file_type_not_allowed');
    expect(res.json().error.message).toBe('Недопустимый тип файла. Разрешены: PDF, DOCX, XLSX, JPEG, PNG');
    expect(await rowCount()).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it('no file → 400 file_missing; two files where one is allowed → 413; JSON → 415', async () => {
    expect((await upload([{ name: 'note', value: 'x' }])).json().error.code).toBe('file_missing');
    const two = await upload([
      { name: 'a', filename: 'a.pdf', value: samplePdf() },
      { name: 'b', filename: 'b.pdf', value: samplePdf() },
    ]);
    expect(two.statusCode).toBe(413);
    const c = apiClient(t.app);
    await c.init();
    const json = await c.post('/api/v1/test/upload', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('file_not_multipart');
    expect(await rowCount()).toBe(0);
  });
});

describe('reencodeImage', () => {
  it('PNG: same pixels, text chunks and trailing data gone', () => {
    const original = samplePng(5, 4);
    // Insert a tEXt chunk (GPS-like metadata, valid CRC) after IHDR and append junk after IEND.
    const body = Buffer.from('tEXtComment\u0000GPS 43.2389 76.8897', 'latin1');
    const chunk = Buffer.alloc(body.length + 8);
    chunk.writeUInt32BE(body.length - 4, 0);
    body.copy(chunk, 4);
    chunk.writeUInt32BE(crc32(body), body.length + 4);
    const withMeta = Buffer.concat([
      Buffer.from(original.subarray(0, 33)),
      chunk,
      Buffer.from(original.subarray(33)),
      Buffer.from('<?php evil ?>'),
    ]);
    expect(withMeta.includes('GPS')).toBe(true);
    const out = reencodeImage(new Uint8Array(withMeta));
    expect(out.mediaType).toBe('image/png');
    const buf = Buffer.from(out.bytes);
    expect(buf.includes('GPS')).toBe(false);
    expect(buf.includes('evil')).toBe(false);
    const a = PNG.sync.read(Buffer.from(original));
    const b = PNG.sync.read(buf);
    expect([b.width, b.height]).toEqual([5, 4]);
    expect(b.data.equals(a.data)).toBe(true);
  });

  it('JPEG: EXIF segment gone, still a decodable JPEG of the same size', () => {
    const original = sampleJpeg(16, 16);
    const payload = Buffer.from('Exif\u0000\u0000Canon EOS', 'latin1');
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, payload.length + 2]), payload]);
    const withExif = Buffer.concat([
      Buffer.from(original.subarray(0, 2)),
      exif,
      Buffer.from(original.subarray(2)),
    ]);
    expect(withExif.includes('Exif')).toBe(true);
    const out = reencodeImage(new Uint8Array(withExif));
    expect(out.mediaType).toBe('image/jpeg');
    expect(Buffer.from(out.bytes).includes('Exif')).toBe(false);
    expect(sniffKind(out.bytes)).toBe('jpeg');
  });

  it('refuses non-images, broken images and oversized input', () => {
    expect(() => reencodeImage(samplePdf())).toThrow(
      expect.objectContaining({ code: 'file_type_not_allowed' }),
    );
    const png = samplePng(20, 20);
    expect(() => reencodeImage(png.subarray(0, 40))).toThrow(
      expect.objectContaining({ code: 'file_type_not_allowed' }),
    );
    const jpegHead = sampleJpeg().subarray(0, 30);
    expect(() => reencodeImage(jpegHead)).toThrow(expect.objectContaining({ code: 'file_type_not_allowed' }));
    expect(() => reencodeImage(png, { maxBytes: 10 })).toThrow(
      expect.objectContaining({ status: 413, code: 'file_too_large' }),
    );
  });

  it('refuses a PNG claiming more than 40 megapixels before decoding it', () => {
    const png = Buffer.from(samplePng());
    png.writeUInt32BE(10_000, 16);
    png.writeUInt32BE(10_000, 20);
    expect(() => reencodeImage(new Uint8Array(png))).toThrow(
      expect.objectContaining({ status: 413, code: 'image_too_large' }),
    );
  });
});

describe('sendStoredFile', () => {
  it('serves the bytes with the sniffed type, the UTF-8 name, nosniff, a sandbox CSP and the SHA-256 ETag', async () => {
    const docx = sampleDocx();
    const stored = await t.ctx.files.store({
      bytes: docx,
      filename: 'Устав (копия).pdf',
      purpose: 'x',
      allowed: ['docx'],
      ownerAccountId: null,
    });
    const res = await apiClient(t.app).get(`/api/v1/test/files/${stored.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(Buffer.from(docx))).toBe(true);
    expect(res.headers['content-type']).toBe(stored.mediaType);
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="_____ (_____).docx"; filename*=UTF-8''${encodeURIComponent('Устав')}%20%28${encodeURIComponent('копия')}%29.docx`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect(res.headers.etag).toBe(`"${stored.sha256}"`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(
      (await apiClient(t.app).get('/api/v1/test/files/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('contentDisposition: quotes and backslashes cannot break out of the header value', () => {
    expect(contentDisposition('a"b\\c.pdf')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});

describe('filesystem store', () => {
  it('removes temp files a crash left (over an hour old) before its first write, keeps fresh ones', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'tereze-store-'));
    try {
      mkdirSync(path.join(root, 'tmp'));
      const stale = path.join(root, 'tmp', 'crashed.part');
      const fresh = path.join(root, 'tmp', 'in-flight.part');
      writeFileSync(stale, 'half a file');
      writeFileSync(fresh, 'being written');
      const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
      utimesSync(stale, twoHoursAgo, twoHoursAgo);
      const store = createFsFileStore(root);
      const bytes = samplePdf('sweep');
      await store.put(sha(bytes), bytes);
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(fresh)).toBe(true);
      expect(Buffer.from((await store.get(sha(bytes)))!).equals(Buffer.from(bytes))).toBe(true);
      // Its own write left no temp file behind.
      expect(readdirSync(path.join(root, 'tmp'))).toEqual(['in-flight.part']);
      await expect(store.put('../../etc/passwd', bytes)).rejects.toThrow(/not a SHA-256/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('messages', () => {
  it('every upload message in kk, ru and en with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const ru: Record<string, string> = filesMessagesRu;
    for (const other of [filesMessagesKk, filesMessagesEn] as Record<string, string>[]) {
      expect(Object.keys(other).sort()).toEqual(Object.keys(ru).sort());
      for (const key of Object.keys(ru)) expect(placeholders(other[key]), key).toEqual(placeholders(ru[key]));
    }
  });
});
