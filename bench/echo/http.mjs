// Baseline for bench/start.ts: the smallest HTTP interactions endpoint that does what Discord requires
// (verify the Ed25519 signature, answer PING) and replies to everything with a fixed message. Plain
// JavaScript run by node (nothing to compile).
import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';

const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(process.env.DISCORD_PUBLIC_KEY, 'hex')]), format: 'der', type: 'spki' });
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const signature = String(req.headers['x-signature-ed25519'] ?? '');
    const timestamp = String(req.headers['x-signature-timestamp'] ?? '');
    let valid = false;
    try {
      valid = verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, Buffer.from(signature, 'hex'));
    } catch {
      valid = false;
    }
    if (!valid) {
      res.writeHead(401).end();
      return;
    }
    const { type } = JSON.parse(body.toString('utf8'));
    const answer = type === 1 ? { type: 1 } : type === 4 ? { type: 8, data: { choices: [{ name: 'echo', value: 'echo' }] } } : { type: 4, data: { content: 'echo' } };
    const json = JSON.stringify(answer);
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) }).end(json);
  });
});
server.listen(Number(process.env.HTTP_PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ msg: 'listening for HTTP interactions', port: server.address().port })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
