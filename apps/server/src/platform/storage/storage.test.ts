import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStorage } from './file-storage.ts';
import { LocalStorage } from './local-storage.ts';
import { S3Storage } from './s3-storage.ts';

function contract(name: string, make: () => FileStorage) {
  describe(name, () => {
    it('stores bytes with their content type, lists nothing it deleted', async () => {
      const storage = make();
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      await storage.put('designs/abc/tile.png', png, 'image/png');
      await storage.put('designs/abc/tile.svg', Buffer.from('<svg/>'), 'image/svg+xml');
      await storage.put('designs/other/tile.svg', Buffer.from('<svg/>'), 'image/svg+xml');
      const got = await storage.get('designs/abc/tile.png');
      expect(got?.contentType).toBe('image/png');
      expect(got?.body.equals(png)).toBe(true);
      expect(await storage.exists('designs/abc/tile.svg')).toBe(true);
      await storage.deletePrefix('designs/abc/');
      expect(await storage.get('designs/abc/tile.png')).toBeNull();
      expect(await storage.exists('designs/abc/tile.svg')).toBe(false);
      expect(await storage.exists('designs/other/tile.svg')).toBe(true);
    });

    it('refuses keys that would escape the storage root', async () => {
      const storage = make();
      await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
      await expect(storage.get('/abs/path')).rejects.toThrow(/unsafe/);
    });
  });
}

let dir: string;
let s3: S3Storage;
let server: S3rver;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'btb-storage-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(dir, 's3') });
  const address = (await server.run()) as AddressInfo;
  s3 = new S3Storage({
    bucket: 'btb-test',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${address.port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
  await s3.ensureBucket();
});
afterAll(async () => {
  s3?.destroy();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

contract('local storage', () => new LocalStorage(path.join(dir, 'local')));
contract('S3 storage (s3rver, official SDK)', () => s3);
