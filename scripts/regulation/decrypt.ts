// Step 1: regulation.bin is AES-256-CBC encrypted. The first 16 bytes are the IV, the rest (cut to a
// multiple of 16) is the ciphertext. The key is public (SoulsFormats Keys.cs, ER_REGULATION_KEY).
import { createDecipheriv } from 'node:crypto';
import { fail } from './errors.ts';

export const ER_REGULATION_KEY = Buffer.from('99BFFC366A6BC8C6F5827D093602D676C42892A01C207FB024D3AF4E493FEF99', 'hex');

/** Decrypt a regulation file; the result starts with a DCX header when the key is right. */
export function decryptRegulation(file: Uint8Array, key: Uint8Array = ER_REGULATION_KEY): Buffer {
  if (key.length !== 32) fail(`the AES key must be 32 bytes, got ${key.length}`);
  if (file.length < 32) fail(`the file is too short to be a regulation file (${file.length} bytes)`);
  const iv = file.subarray(0, 16);
  const body = file.subarray(16, 16 + Math.floor((file.length - 16) / 16) * 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}
