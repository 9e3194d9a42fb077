// A fake Discord on 127.0.0.1 for end-to-end tests: the REST routes the bot uses and a gateway that
// speaks the handshake (HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME → re-identify),
// plus fault injection (HTTP errors, rate limits, dropped sockets). See ../shared/docs/discord-platform.md §2.
// Sharding: GET /gateway/bot recommends `shards`; an IDENTIFY with shard [id, count] gets the servers
// whose (guild_id >> 22) % count === id, and events go to the shard Discord would use (DMs: shard 0).
// HTTP interactions (see interactions.ts): a webhook call for an interaction delivered over HTTP is only
// accepted once the bot's HTTP response acknowledged it, as on Discord (10015 Unknown Webhook otherwise).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { GatewayOpcodes, type GatewayDispatchEvents } from 'discord-api-types/v10';
import { BOT_USER, APPLICATION_ID, guildCreatePayload, GUILD_ID, messagePayload } from './payloads.ts';

/** The shard Discord sends a server's events to. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** An interaction sent to the bot over HTTP, whose webhook may be used once the bot acknowledged it. */
interface TrackedInteraction {
  acknowledged: Promise<number | null>;
  settle(responseType: number | null): void;
}

/** Interaction response types after which the interaction's webhook exists (4, 5, 6, 7). */
const WEBHOOK_OPENING_RESPONSES = new Set([4, 5, 6, 7]);

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
  /** The shard count GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
  /** session_start_limit.max_concurrency (default 16, so shards need not wait 5 s between identifies). */
  maxConcurrency?: number;
  /** The servers the bot is in (default: the one GUILD_ID). */
  guilds?: string[];
}

interface ShardSocket {
  shard: [number, number];
}

export class FakeDiscord {
  readonly token: string;
  readonly requests: RecordedRequest[] = [];
  readonly identifies: unknown[] = [];
  recommendedShards: number;
  readonly maxConcurrency: number;
  readonly guilds: string[];
  private server: Server | undefined;
  private wss: WebSocketServer | undefined;
  private sockets = new Map<WebSocket, ShardSocket>();
  private tracked = new Map<string, TrackedInteraction>();
  private listeners = new Set<(r: RecordedRequest) => void>();
  private identifyListeners = new Set<(d: unknown) => void>();
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
    this.recommendedShards = options.recommendedShards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 16;
    this.guilds = options.guilds ?? [GUILD_ID];
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
    for (const ws of this.sockets.keys()) ws.terminate();
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

  /**
   * Send a dispatch event to the gateway connection Discord would use: the shard of `d.guild_id`, or
   * shard 0 for events outside servers (DMs). With one shard that is every connection.
   */
  dispatch(t: `${GatewayDispatchEvents}` | string, d: unknown): void {
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: ++this.seq, d });
    const guildId = (d as { guild_id?: string } | null)?.guild_id;
    for (const [ws, { shard }] of this.sockets) {
      const target = guildId ? shardOf(guildId, shard[1]) : 0;
      if (shard[0] === target) ws.send(frame);
    }
  }

  /** The shards currently connected and identified, as [id, count] pairs. */
  connectedShards(): [number, number][] {
    return [...this.sockets.values()].map((s) => s.shard);
  }

  /** Drop every gateway connection abruptly (no close frame), as a network failure would. */
  dropGateway(): void {
    for (const ws of this.sockets.keys()) ws.terminate();
  }

  /** Called for every accepted IDENTIFY from now on; returns an unsubscribe function. */
  onIdentify(listener: (d: unknown) => void): () => void {
    this.identifyListeners.add(listener);
    return () => this.identifyListeners.delete(listener);
  }

  /** Called for every request recorded from now on (including faults); returns an unsubscribe function. */
  onRequest(listener: (r: RecordedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * An interaction is about to be sent to the bot over HTTP: its webhook routes wait for the bot's
   * HTTP response, then exist only if that response acknowledged it (types 4–7). Call `settle` with
   * the response type, or null when the bot answered with an error status or not at all.
   */
  trackHttpInteraction(token: string): (responseType: number | null) => void {
    let settle!: (type: number | null) => void;
    const acknowledged = new Promise<number | null>((resolve) => (settle = resolve));
    this.tracked.set(token, { acknowledged, settle });
    return settle;
  }

  private snowflake(): string {
    return String((BigInt(Date.now() - 1420070400000) << 22n) + this.nextId++);
  }

  private handleSocket(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41250 } }));
    ws.on('error', () => undefined);
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
        {
          const shard = (Array.isArray(packet.d?.shard) ? packet.d.shard : [0, 1]) as [number, number];
          if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
            ws.close(4010, 'Invalid shard.');
            return;
          }
          this.identifies.push(packet.d);
          for (const listener of this.identifyListeners) listener(packet.d);
          this.sockets.set(ws, { shard });
          const guilds = this.guilds.filter((id) => shardOf(id, shard[1]) === shard[0]);
          ws.send(
            JSON.stringify({
              op: GatewayOpcodes.Dispatch,
              t: 'READY',
              s: ++this.seq,
              d: {
                v: 10,
                user: BOT_USER,
                guilds: guilds.map((id) => ({ id, unavailable: true })),
                session_id: `session-${this.readyCount + 1}`,
                resume_gateway_url: this.gatewayUrl,
                shard,
                application: { id: APPLICATION_ID, flags: 0 },
              },
            }),
          );
          for (const id of guilds) ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t: 'GUILD_CREATE', s: ++this.seq, d: guildCreatePayload(id) }));
          this.readyCount++;
          for (const waiter of this.readyWaiters.splice(0)) waiter();
          break;
        }
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
    const webhookToken = /^\/webhooks\/\d+\/([^/]+)/.exec(path)?.[1];
    const tracked = webhookToken ? this.tracked.get(webhookToken) : undefined;
    const acknowledged = tracked ? await Promise.race([tracked.acknowledged, new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000))]) : undefined;
    if (tracked && (acknowledged === null || !WEBHOOK_OPENING_RESPONSES.has(acknowledged!))) {
      status = 404;
      responseBody = { message: 'Unknown Webhook', code: 10015 };
    } else if (rule) {
      const fault = rule.faults.shift()!;
      status = fault.status;
      headers = fault.headers ?? {};
      responseBody = fault.body ?? { message: 'injected fault', code: 0 };
    } else {
      [status, responseBody] = this.route(method, path, body);
    }
    const record: RecordedRequest = { method, path, query: url.searchParams, headers: req.headers, body, status, at: Date.now(), ...(files ? { files } : {}) };
    this.requests.push(record);
    for (const listener of this.listeners) listener(record);
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
      return [200, { url: this.gatewayUrl, shards: this.recommendedShards, session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: this.maxConcurrency } }];
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

export function parseMultipart(raw: Buffer, boundary: string): { name: string; filename?: string; data: Buffer }[] {
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
