// Discord's side of HTTP interactions: signs an interaction with the application's Ed25519 key (as
// Discord does: X-Signature-Ed25519 over X-Signature-Timestamp + body) and POSTs it to the bot's
// endpoint, then reads the response (JSON, or multipart with payload_json and files). When given the
// fake Discord, it tells it about each interaction so the webhook routes behave as on Discord: usable
// only after the bot's HTTP response acknowledged the interaction.

import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { request, type Agent } from 'node:http';
import type { FakeDiscord } from './server.ts';
import { parseMultipart } from './server.ts';

export interface InteractionResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or for multipart the parsed `payload_json` part. */
  body: any;
  files: { field: string; name: string; data: Buffer }[];
  raw: Buffer;
}

export interface SendOptions {
  /** Replace the signature header (null: leave it out). */
  signature?: string | null;
  /** Replace the timestamp header (null: leave it out). */
  timestamp?: string | null;
  /** Change the body after signing it. */
  tamper?: (body: Buffer) => Buffer;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** Send to another endpoint than the default one (e.g. the other replica). */
  endpoint?: string;
}

export class InteractionSender {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;
  /** Connection reuse (e.g. a keep-alive Agent, as Discord's own client would); default: a new connection per request. */
  agent: Agent | false = false;

  constructor(
    /** The bot's endpoint, e.g. http://127.0.0.1:PORT */
    public endpoint: string,
    private readonly fake?: FakeDiscord,
  ) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    this.privateKey = privateKey;
    this.publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  }

  signature(timestamp: string, body: Buffer): string {
    return sign(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), this.privateKey).toString('hex');
  }

  /** Sign and POST an interaction (an object, or raw bytes), and read the bot's answer. */
  async send(interaction: unknown, options: SendOptions = {}): Promise<InteractionResponse> {
    const signed = Buffer.isBuffer(interaction) ? interaction : Buffer.from(JSON.stringify(interaction), 'utf8');
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    const signatureHeader = options.signature === undefined ? this.signature(timestamp, signed) : options.signature;
    const timestampHeader = options.timestamp === undefined ? timestamp : options.timestamp;
    if (signatureHeader !== null) headers['x-signature-ed25519'] = signatureHeader;
    if (timestampHeader !== null) headers['x-signature-timestamp'] = timestampHeader;
    const body = options.tamper ? options.tamper(signed) : signed;
    const token = !Buffer.isBuffer(interaction) ? (interaction as { token?: string }).token : undefined;
    const settle = token && this.fake ? this.fake.trackHttpInteraction(token) : undefined;
    try {
      const response = await this.post(options.endpoint ?? this.endpoint, options.method ?? 'POST', options.path ?? '/interactions', headers, body);
      settle?.(response.status === 200 && typeof response.body?.type === 'number' ? response.body.type : null);
      return response;
    } catch (error) {
      settle?.(null);
      throw error;
    }
  }

  private post(endpoint: string, method: string, path: string, headers: Record<string, string>, body: Buffer): Promise<InteractionResponse> {
    const url = new URL(path, endpoint);
    return new Promise((resolve, reject) => {
      const req = request(url, { method, headers: { ...headers, 'content-length': String(body.length) }, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const type = String(res.headers['content-type'] ?? '');
          let parsed: any;
          let files: InteractionResponse['files'] = [];
          if (type.startsWith('multipart/form-data')) {
            const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
            const parts = parseMultipart(raw, boundary?.[1] ?? boundary?.[2] ?? '');
            const payload = parts.find((p) => p.name === 'payload_json');
            parsed = payload ? JSON.parse(payload.data.toString('utf8')) : undefined;
            files = parts.filter((p) => p.name !== 'payload_json').map((p) => ({ field: p.name, name: p.filename ?? p.name, data: p.data }));
          } else if (raw.length) {
            try {
              parsed = JSON.parse(raw.toString('utf8'));
            } catch {
              parsed = raw.toString('utf8');
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, files, raw });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}
