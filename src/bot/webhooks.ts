// The REST side of HTTP interactions: after a deferred response, the answer goes to the interaction's
// webhook (edit the original, or a follow-up), authorised by the interaction token alone. @discordjs/rest
// does the requests (rate-limit buckets, retries on 5xx, multipart for files); it is loaded on the first
// deferred answer, so a replica that answers everything in time never loads it.

import type { REST } from '@discordjs/rest';
import type { MessageBody } from '../render/discord.ts';
import type { UploadFile } from './multipart.ts';

export interface WebhookClient {
  /** PATCH /webhooks/{application}/{token}/messages/@original */
  editOriginal(token: string, body: MessageBody, files?: readonly UploadFile[]): Promise<void>;
  /** POST /webhooks/{application}/{token} */
  followUp(token: string, body: MessageBody, files?: readonly UploadFile[]): Promise<void>;
  /** DELETE /webhooks/{application}/{token}/messages/@original */
  deleteOriginal(token: string): Promise<void>;
}

export interface WebhookClientOptions {
  apiBase: string;
  applicationId: string;
}

export function createWebhookClient(options: WebhookClientOptions): WebhookClient {
  let rest: Promise<REST> | undefined;
  const client = () =>
    (rest ??= import('@discordjs/rest').then(({ REST: Rest }) => new Rest({ api: options.apiBase })));
  const base = (token: string) => `/webhooks/${options.applicationId}/${token}` as const;
  const upload = (files: readonly UploadFile[] | undefined) =>
    files?.length ? { files: files.map((file) => ({ name: file.name, data: file.data, ...(file.contentType ? { contentType: file.contentType } : {}) })) } : {};
  return {
    async editOriginal(token, body, files) {
      await (await client()).patch(`${base(token)}/messages/@original`, { body, auth: false, ...upload(files) });
    },
    async followUp(token, body, files) {
      await (await client()).post(base(token), { body, auth: false, ...upload(files) });
    },
    async deleteOriginal(token) {
      await (await client()).delete(`${base(token)}/messages/@original`, { auth: false });
    },
  };
}
