// multipart/form-data for an interaction response that carries files: the JSON body in `payload_json`,
// each file in `files[n]` (n = the attachment id in the body), as Discord's "Uploading Files" describes.

import { randomBytes } from 'node:crypto';

export interface UploadFile {
  name: string;
  data: Buffer;
  contentType?: string;
}

/** Quotes and line breaks cannot appear inside a quoted header parameter. */
function headerSafe(name: string): string {
  return name.replace(/["\r\n\\]/g, '_');
}

export function multipartBody(payload: unknown, files: readonly UploadFile[]): { body: Buffer; contentType: string } {
  const boundary = `----tarnished-ledger-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  const part = (headers: string, data: Buffer) => {
    chunks.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`, 'utf8'), data, Buffer.from('\r\n', 'utf8'));
  };
  part('Content-Disposition: form-data; name="payload_json"\r\nContent-Type: application/json', Buffer.from(JSON.stringify(payload), 'utf8'));
  files.forEach((file, index) => {
    part(
      `Content-Disposition: form-data; name="files[${index}]"; filename="${headerSafe(file.name)}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}`,
      file.data,
    );
  });
  chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
