import { rm } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createTestApp, type TestApp } from '../../test/app';
import { multipartBody, sampleJpeg, samplePdf, samplePng } from '../files/test-support';
import { auditActions } from '../identity/test-support';
import { PHOTO_MAX_BYTES } from './photo';

const PASSWORD = 'Secret1%pass';
const DATA_DIR = `/tmp/tereze-profile-photo-${process.pid}`;
let t: TestApp;
let a: ReturnType<typeof apiClient>;
let b: ReturnType<typeof apiClient>;

async function signIn(iin: string, email: string) {
  await t.ctx.identity.createAccount({ kind: 'individual', iin, email, password: PASSWORD, surname: 'ТЕСТ' });
  const client = apiClient(t.app);
  await client.init();
  expect(
    (await client.post('/api/v1/auth/login/password', { login: iin, password: PASSWORD })).statusCode,
  ).toBe(200);
  return client;
}

function upload(client: ReturnType<typeof apiClient>, bytes: Uint8Array, filename = 'me.jpg') {
  const { payload, headers } = multipartBody([
    { name: 'file', filename, contentType: 'image/jpeg', value: bytes },
  ]);
  return client.request({ method: 'POST', url: '/api/v1/profile/photo', payload, headers });
}

/** A JPEG with an APP1 (EXIF) segment carrying a marker text right after SOI. */
function jpegWithExif(marker: string): Uint8Array {
  const plain = Buffer.from(sampleJpeg(16, 12));
  const body = Buffer.from(`Exif\0\0${marker}`);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(body.length + 2, 2);
  return new Uint8Array(Buffer.concat([plain.subarray(0, 2), app1, body, plain.subarray(2)]));
}

const storedPhotos = () =>
  t.database.query<{ id: string; owner_account_id: string }>(
    "SELECT id, owner_account_id FROM stored_files WHERE purpose = 'profile_photo' ORDER BY created_at",
  );
const hasPhoto = async (client: ReturnType<typeof apiClient>) =>
  (await client.get('/api/v1/profile')).json().hasPhoto as boolean;

beforeAll(async () => {
  t = await createTestApp({ env: { DATA_DIR } });
  a = await signIn('871008401427', 'a@example.kz');
  b = await signIn('800416300257', 'b@example.kz');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await rm(DATA_DIR, { recursive: true, force: true });
});

describe('«Загрузить фото» / «Удалить фото»', () => {
  it('stores a re-encoded JPEG without its metadata, replaces the previous photo, deletes it; journaled', async () => {
    const original = jpegWithExif('GPS 43.238949 76.889709');
    const res = await upload(a, original);
    expect(res.statusCode).toBe(200);
    expect(await hasPhoto(a)).toBe(true);

    const photo = await a.get('/api/v1/profile/photo');
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.includes(Buffer.from('GPS 43.238949'))).toBe(false);
    expect(photo.rawPayload.equals(Buffer.from(original))).toBe(false);
    const decoded = jpeg.decode(photo.rawPayload);
    expect([decoded.width, decoded.height]).toEqual([16, 12]);

    expect((await upload(a, samplePng(10, 10), 'me.png')).statusCode).toBe(200);
    const rows = await storedPhotos();
    expect(rows).toHaveLength(1); // the first photo's file is gone
    expect((await a.get('/api/v1/profile/photo')).headers['content-type']).toBe('image/png');

    expect((await a.request({ method: 'DELETE', url: '/api/v1/profile/photo' })).statusCode).toBe(200);
    expect(await hasPhoto(a)).toBe(false);
    expect(await storedPhotos()).toHaveLength(0);
    expect((await a.get('/api/v1/profile/photo')).statusCode).toBe(404);
    expect((await auditActions(t.database, 'profile.photo.upload')).length).toBe(2);
    expect((await auditActions(t.database, 'profile.photo.delete')).length).toBe(1);
  });

  it('refuses a non-image, a fake image and a file over 2 MB, keeping the current photo', async () => {
    expect((await upload(a, sampleJpeg())).statusCode).toBe(200);
    const before = await storedPhotos();
    const pdf = await upload(a, samplePdf(), 'me.jpg');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.code).toBe('file_type_not_allowed');

    const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('not really a jpeg')]);
    expect((await upload(a, fake)).statusCode).toBe(400);

    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set(sampleJpeg());
    const tooBig = await upload(a, big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('file_too_large');

    expect(await storedPhotos()).toEqual(before);
    expect(await hasPhoto(a)).toBe(true);
    await a.request({ method: 'DELETE', url: '/api/v1/profile/photo' });
  });

  it("is the owner's only: B never gets A's photo, and B's delete does not touch it", async () => {
    expect((await upload(a, sampleJpeg())).statusCode).toBe(200);
    expect((await b.get('/api/v1/profile/photo')).statusCode).toBe(404);
    expect((await b.request({ method: 'DELETE', url: '/api/v1/profile/photo' })).statusCode).toBe(404);
    expect(await hasPhoto(a)).toBe(true);
    const anonymous = apiClient(t.app);
    expect((await anonymous.get('/api/v1/profile/photo')).statusCode).toBe(401);
  });
});
