import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { textFrame } from '../../server/src/live/socket.js';
import { setupApp } from '../helpers/app.js';
import { grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';

/**
 * The fan-out's send path: each event is serialized and framed once, and the same frame is
 * written to every socket that may see it (`live/socket.ts`, `sendRaw`). These check that the
 * frames are valid WebSocket frames of every length class, that no socket gets a frame meant for
 * another text (the frame is cached by text), and that visibility still holds per socket.
 */
const ctx = await setupApp();
const instance = await startInstance(ctx.db.db, ctx.config);
const origin = ctx.config.appOrigin;
const clients: LiveClient[] = [];
afterAll(async () => {
  for (const c of clients) c.close();
  await instance.app.close();
});
async function connect(cookie?: string) {
  const c = await LiveClient.connect(instance.url, { origin, ...(cookie ? { cookie } : {}) });
  clients.push(c);
  return c;
}

describe('live fan-out: one frame for every socket', () => {
  it('builds the frame ws would send, for each length class of the payload', () => {
    for (const text of ['', 'x'.repeat(125), 'é'.repeat(63), 'y'.repeat(126), 'z'.repeat(65_535), 'w'.repeat(65_536)]) {
      const frame = textFrame(text);
      const bytes = Buffer.byteLength(text);
      const header = frame.subarray(0, frame.length - bytes);
      expect(header[0]).toBe(0x81);
      if (bytes < 126) expect(header).toEqual(Buffer.from([0x81, bytes]));
      else if (bytes < 65_536) expect([header[1], header.readUInt16BE(2), header.length]).toEqual([126, bytes, 4]);
      else expect([header[1], Number(header.readBigUInt64BE(2)), header.length]).toEqual([127, bytes, 10]);
      expect(frame.subarray(header.length).toString('utf8')).toBe(text);
    }
  });

  it('delivers small, medium and large events intact and in order to every socket that may see them', async () => {
    const { space } = await makeSpace(ctx);
    const mod = await makeUser(ctx);
    await grantRole(ctx, space.id, mod.user.id, 'moderator');
    const guests = await Promise.all(Array.from({ length: 12 }, () => connect()));
    const staff = await connect(mod.client.cookieHeader);
    for (const s of [...guests, staff]) await s.subscribe(space.slug);

    // Payload sizes on both sides of the 126- and 65,536-byte boundaries of the frame header,
    // one with non-ASCII text (its byte length differs from its string length), and staff events
    // between the public ones (a guest must never get the frame built for them). Two public
    // events of each size have texts of the same length: a frame cached by anything but the
    // text itself would send the first twice.
    const sizes = [10, 120, 125, 126, 300, 65_530, 70_000];
    const written: { id: number; public: boolean; body: string }[] = [];
    for (const [i, n] of sizes.entries()) {
      for (const letter of i % 2 ? ['é', 'è'] : ['a', 'b']) {
        const body = letter.repeat(n);
        written.push({
          id: await emit(ctx.db.db, space.id, 'comment.published', { comment: { id: `c${i}`, body } }),
          public: true,
          body,
        });
      }
      const secret = `secret ${i} ${'s'.repeat(n)}`;
      written.push({
        id: await emit(ctx.db.db, space.id, 'comment.submitted', { commentId: `c${i}`, secret }),
        public: false,
        body: secret,
      });
    }
    const last = written[written.length - 1]?.id;
    const lastPublic = written.filter((w) => w.public).at(-1)?.id;
    await staff.waitFor((m) => m.type === 'event' && m.id === last);
    for (const g of guests) await g.waitFor((m) => m.type === 'event' && m.id === lastPublic);

    const expected = (all: boolean) => written.filter((w) => all || w.public).map((w) => [w.id, w.body]);
    const got = (c: LiveClient) =>
      c.events(space.slug).map((e) => {
        const d = e.data as { comment?: { body: string }; secret?: string };
        return [e.id, d.comment?.body ?? d.secret];
      });
    expect(got(staff)).toEqual(expected(true));
    for (const g of guests) {
      expect(got(g)).toEqual(expected(false));
      expect(JSON.stringify(g.messages)).not.toContain('secret');
    }
  });

  it('sends the same bytes a ws client parses, to a socket that joined after the frame was cached', async () => {
    const { space } = await makeSpace(ctx);
    const first = await connect();
    await first.subscribe(space.slug);
    const one = await emit(ctx.db.db, space.id, 'comment.published', { comment: { id: 'one' } });
    await first.waitFor((m) => m.type === 'event' && m.id === one);

    // A raw ws socket with the frames it receives kept, joining now.
    const raw = new WebSocket(instance.url, { origin, perMessageDeflate: false });
    const texts: string[] = [];
    let seen: (text: string) => void = () => {};
    raw.on('message', (data, isBinary) => {
      expect(isBinary).toBe(false);
      texts.push(data.toString());
      seen(data.toString());
    });
    const until = (pred: (t: string) => boolean) =>
      new Promise<void>((resolve) => {
        if (texts.some(pred)) return resolve();
        seen = (t) => pred(t) && resolve();
      });
    await new Promise((resolve) => raw.once('open', resolve));
    raw.send(JSON.stringify({ type: 'subscribe', space: space.slug }));
    await until((t) => t.includes('"ready"'));
    const two = await emit(ctx.db.db, space.id, 'comment.published', { comment: { id: 'two' } });
    await first.waitFor((m) => m.type === 'event' && m.id === two);
    await until((t) => t.includes('"two"'));
    raw.close();
    const events = texts.map((t) => JSON.parse(t) as { type: string; id?: number }).filter((m) => m.type === 'event');
    expect(events.map((e) => e.id)).toEqual([two]);
    expect(texts.find((t) => t.includes('"two"'))).toBe(
      JSON.stringify(first.events(space.slug).find((e) => e.id === two)),
    );
  });
});
