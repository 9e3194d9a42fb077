// A fake Discord on 127.0.0.1 for end-to-end tests: the REST routes the bot uses and a gateway that
// speaks the handshake (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME → re-identify),
// plus fault injection (HTTP errors, rate limits, dropped sockets). See ../shared/docs/discord-platform.md §2.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { GatewayOpcodes, type GatewayDispatchEvents } from 'discord-api-types/v10';
import { BOT_USER, APPLICATION_ID, guildCreatePayload, GUILD_ID, messagePayload } from './payloads.ts';

export interface RecordedRequest {
  method: string;
  path: string; // decoded, without the /api/v10 prefix and without the query string
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown; // parsed JSON, or for multipart the `payload_json` part plus `files`
  files?: { name: string; data: Buffer }[];
  status: number;
  at: number;
}

type Fault = { status: number; headers?: Record<string, string>; body?: unknown };

interface FaultRule {
  method: string;
  pattern: RegExp;
  faults: Fault[];
}

export interface FakeDiscordOptions {
  token?: string;
}

export class FakeDiscord {
  readonly token: string;
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Set<WebSocket>();
  private faults: FaultRule[] = [];
  private seq = 0;
  private nextId = 1n;
  private waiters: { predicate: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  private readyWaiters: (() => void)[] = [];
  private readyCount = 0;
  private files = new Map<string, Buffer>();
  port = 0;

  constructor(options: FakeDiscordOptions = {}) {
    this.token = options.token ?? 'fake-token.abc.def';
  }

  get restBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.handleSocket(ws));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  /** Serve a file at a CDN-like URL (for attachment options); returns the URL. */
  hostFile(name: string, data: Buffer): string {
    const id = String(this.nextId++);
    this.files.set(`/attachments/${id}/${name}`, data);
    return `http://127.0.0.1:${this.port}/attachments/${id}/${name}`;
  }

  /** The next `faults.length` matching requests get these responses, in order. */
  injectFaults(method: string, pattern: RegExp, faults: Fault[]): void {
    this.faults.push({ method, pattern, faults: [...faults] });
  }

  /** Resolves with the first recorded request (past or future) matching the predicate. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const done = this.requests.find(predicate);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for a request')), timeoutMs);
      this.waiters.push({
        predicate,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** Requests recorded from now on only. */
  waitForNewRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.length;
    return this.waitForRequest((r) => this.requests.indexOf(r) >= seen && predicate(r), timeoutMs);
  }

  /** Resolves when the gateway has sent READY `count` times in total (1 = first login). */
  waitForReady(count = 1, timeoutMs = 10_000): Promise<void> {
    if (this.readyCount >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for READY #${count}`)), timeoutMs);
      const check = () => {
        if (this.readyCount >= count) {
          clearTimeout(timer);
          resolve();
        } else this.readyWaiters.push(check);
      };
      check();
    });
  }

  /** Send a dispatch event to every identified gateway connection. */
  dispatch(t: `${GatewayDispatchEvents}` | string, d: unknown): void {
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: ++this.seq, d });
    for (const ws of this.sockets) ws.send(frame);
  }

  /** Drop every gateway connection abruptly (no close frame), as a network failure would. */
  dropGateway(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  private snowflake(): string {
    return String((BigInt(Date.now() - 1420070400000) << 22n) + this.nextId++);
  }

  private handleSocket(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (raw) => {
      const packet = JSON.parse(String(raw)) as { op: number; d: any };
      switch (packet.op) {
        case GatewayOpcodes.Heartbeat:
          ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
          break;
        case GatewayOpcodes.Identify:
          if (packet.d?.token !== this.token) {
            ws.close(4004, 'Authentication failed.');
            return;
          }
          this.identifies.push(packet.d);
          this.sockets.add(ws);
          ws.send(
            JSON.stringify({
              op: GatewayOpcodes.Dispatch,
              t: 'READY',
              s: ++this.seq,
              d: {
                v: 10,
                user: BOT_USER,
                guilds: [{ id: GUILD_ID, unavailable: true }],
                session_id: `session-${this.readyCount + 1}`,
                resume_gateway_url: this.gatewayUrl,
                shard: [0, 1],
                application: { id: APPLICATION_ID, flags: 0 },
              },
            }),
          );
          ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: 'GUILD_CREATE', s: ++this.seq, d: guildCreatePayload() }));
          this.readyCount++;
          for (const waiter of this.readyWaiters.splice(0)) waiter();
          break;
        case GatewayOpcodes.Resume:
          // Sessions are not kept: ask the client to identify again.
          ws.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
          break;
        default:
          break;
      }
    });
    ws.on('close', () => this.sockets.delete(ws));
  }

  private async readBody(req: IncomingMessage): Promise<{ body: unknown; files?: { name: string; data: Buffer }[] }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (!raw.length) return { body: undefined };
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
      const parts = parseMultipart(raw, boundary?.[1] ?? boundary?.[2] ?? '');
      const payload = parts.find((p) => p.name === 'payload_json');
      return {
        body: payload ? JSON.parse(payload.data.toString('utf8')) : undefined,
        files: parts.filter((p) => p.name !== 'payload_json').map((p) => ({ name: p.filename ?? p.name, data: p.data })),
      };
    }
    try {
      return { body: JSON.parse(raw.toString('utf8')) };
    } catch {
      return { body: raw.toString('utf8') };
    }
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hosted = this.files.get(decodeURIComponent(url.pathname));
    if (req.method === 'GET' && hosted) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(hosted);
      return;
    }
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const { body, files } = await this.readBody(req);
    const method = req.method ?? 'GET';
    const rule = this.faults.find((f) => f.method === method && f.pattern.test(path) && f.faults.length > 0);
    let status: number;
    let responseBody: unknown;
    let headers: Record<string, string> = {};
    if (rule) {
      const fault = rule.faults.shift()!;
      status = fault.status;
      headers = fault.headers ?? {};
      responseBody = fault.body ?? { message: 'injected fault', code: 0 };
    } else {
      [status, responseBody] = this.route(method, path, body);
    }
    const record: RecordedRequest = { method, path, query: url.searchParams, headers: req.headers, body, status, at: Date.now(), ...(files ? { files } : {}) };
    this.requests.push(record);
    if (status === 204) res.writeHead(204, headers).end();
    else res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(responseBody));
    // Wake waiters only for requests that succeeded, so tests observe delivered answers.
    if (status < 300) {
      for (const waiter of [...this.waiters]) {
        if (waiter.predicate(record)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(record);
        }
      }
    }
  }

  private message(channelId: string, body: any): Record<string, unknown> {
    return messagePayload(this.snowflake(), channelId, BOT_USER, body?.content ?? '', {
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      flags: body?.flags ?? 0,
    });
  }

  private route(method: string, path: string, body: any): [number, unknown] {
    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 1 } }];
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return [204, undefined];
    let match = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(@original|\d+)$/.exec(path);
    if (match && (method === 'PATCH' || method === 'GET')) return [200, this.message('0', body)];
    if (match && method === 'DELETE') return [204, undefined];
    match = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path);
    if (match && method === 'POST') return [200, this.message('0', body)];
    match = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (match && method === 'POST') return [200, this.message(match[1]!, body)];
    if (method === 'POST' && path === '/users/@me/channels') return [200, { id: this.snowflake(), type: 1, recipients: [{ id: body?.recipient_id, username: 'someone' }] }];
    match = /^\/applications\/(\d+)(\/guilds\/(\d+))?\/commands$/.exec(path);
    if (match && method === 'PUT') return [200, (body as any[]).map((c) => ({ ...c, id: this.snowflake(), application_id: match![1], version: '1' }))];
    return [404, { message: 'Unknown route (fake Discord)', code: 0 }];
  }
}

function parseMultipart(raw: Buffer, boundary: string): { name: string; filename?: string; data: Buffer }[] {
  const parts: { name: string; filename?: string; data: Buffer }[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const header = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]*)"/.exec(header)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(header)?.[1];
    parts.push({ name, ...(filename ? { filename } : {}), data: part.subarray(headerEnd + 4) });
    start = next;
  }
  return parts;
}
