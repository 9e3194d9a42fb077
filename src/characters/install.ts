// Settings kept by the install in its database, the same for every process and replica using it.
// installSecret(): 32 random bytes made on first use (a race between replicas keeps exactly one), used to
// sign the state a button's custom id carries.

import { randomBytes } from 'node:crypto';
import type { Query } from './db.ts';
import type { StoreContext } from './rows.ts';

const SECRET_KEY = 'install_secret';
const SECRET_BYTES = 32;

async function readSetting(q: Query, key: string): Promise<string | undefined> {
  return (await q.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

function decode(hex: string): Buffer {
  const secret = Buffer.from(hex, 'hex');
  if (secret.length !== SECRET_BYTES) throw new Error(`the stored ${SECRET_KEY} is not ${SECRET_BYTES} bytes`);
  return secret;
}

export async function installSecret(ctx: StoreContext): Promise<Buffer> {
  const existing = await ctx.db.read((q) => readSetting(q, SECRET_KEY));
  if (existing !== undefined) return decode(existing);
  return ctx.db.write(`setting:${SECRET_KEY}`, async (q) => {
    // Another process may have made it between the read and this lock: keep theirs.
    await q
      .insertInto('settings')
      .values({ key: SECRET_KEY, value: randomBytes(SECRET_BYTES).toString('hex') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return decode((await readSetting(q, SECRET_KEY))!);
  });
}
