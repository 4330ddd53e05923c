import { afterAll, describe, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { grantRole, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { LiveClient, emit, startInstance } from '../helpers/live.js';

/**
 * Losing the right to see a space while subscribed to it: the space goes back to draft, a role
 * is removed, the account is disabled. Every change goes through the REST API, as an
 * administrator would make it; the sockets are real, on another instance than the API.
 */
const ctx = await setupApp();
const live = await startInstance(ctx.db.db, ctx.config);
const origin = ctx.config.appOrigin;
const admin = await makeAdmin(ctx);

const clients: LiveClient[] = [];
async function connect(cookie?: string) {
  const c = await LiveClient.connect(live.url, { origin, ...(cookie ? { cookie } : {}) });
  clients.push(c);
  return c;
}
afterAll(async () => {
  for (const c of clients) c.close();
  await live.app.close();
});

const resetOf = (c: LiveClient, slug: string) =>
  c.waitFor((m) => m.type === 'reset' && m.space === slug, 10_000, `reset of ${slug}`);

/** Subscribing again is refused as if the space did not exist. */
async function refusedOnResubscribe(c: LiveClient, slug: string) {
  const before = c.messages.length;
  c.send({ type: 'subscribe', space: slug });
  const answer = await c.waitFor(
    (m) => c.messages.indexOf(m) >= before && (m.type === 'error' || (m.type === 'ready' && m.space === slug)),
    10_000,
    `answer to subscribe ${slug}`,
  );
  expect(answer).toMatchObject({ type: 'error', code: 'not_found' });
}

/**
 * Writes `events` in the space, then a public marker in `beacon` (a space the socket still
 * follows); events are delivered in id order, so once the marker arrives the others were
 * either delivered or withheld.
 */
async function afterwards(c: LiveClient, beacon: { id: string }, write: () => Promise<unknown>) {
  await write();
  const marker = await emit(ctx.db.db, beacon.id, 'comment.published', { marker: true });
  await c.waitFor((m) => m.type === 'event' && m.id === marker, 10_000, 'marker');
  return marker;
}

describe('a space that goes back to draft', () => {
  it('resets its guests and participants, refuses them again, and sends them nothing more', async () => {
    const { space } = await makeSpace(ctx);
    const { space: beacon } = await makeSpace(ctx);
    const participant = await makeUser(ctx);
    const moderator = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const anon = await connect();
    const part = await connect(participant.client.cookieHeader);
    const mod = await connect(moderator.client.cookieHeader);
    for (const c of [anon, part, mod]) {
      await c.subscribe(space.slug);
      await c.subscribe(beacon.slug);
    }

    const res = await admin.client.patch(`/api/spaces/${space.slug}`, { status: 'draft' });
    expect(res.status).toBe(200);
    expect(await resetOf(anon, space.slug)).toEqual({ type: 'reset', space: space.slug });
    expect(await resetOf(part, space.slug)).toEqual({ type: 'reset', space: space.slug });
    await refusedOnResubscribe(anon, space.slug);
    await refusedOnResubscribe(part, space.slug);

    const seenBefore = anon.events(space.slug).length + part.events(space.slug).length;
    const marker = await afterwards(anon, beacon, async () => {
      await emit(ctx.db.db, space.id, 'comment.published', { secret: 'published in a draft' });
      await emit(ctx.db.db, space.id, 'comment.submitted', { secret: 'pending in a draft' });
      await emit(ctx.db.db, space.id, 'comment.status', { secret: 'for the participant' }, participant.user.id);
    });
    await part.waitFor((m) => m.type === 'event' && m.id === marker, 10_000, 'marker on participant');
    expect(anon.events(space.slug).length + part.events(space.slug).length).toBe(seenBefore);
    expect(JSON.stringify([...anon.messages, ...part.messages])).not.toContain('in a draft');
    expect(JSON.stringify(part.messages)).not.toContain('for the participant');

    // Its moderator may still read the draft: the socket stays subscribed and is not reset.
    await mod.waitFor((m) => m.type === 'event' && m.space === space.slug && m.kind === 'comment.submitted');
    expect(mod.messages.some((m) => m.type === 'reset')).toBe(false);
  });
});

describe('a viewer who loses a role', () => {
  it('resets a moderator removed from an open space, and stops its staff events', async () => {
    const { space } = await makeSpace(ctx);
    const moderator = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const s = await connect(moderator.client.cookieHeader);
    await s.subscribe(space.slug);
    const before = await emit(ctx.db.db, space.id, 'comment.submitted', { n: 'before' });
    await s.waitFor((m) => m.type === 'event' && m.id === before);

    const res = await admin.client.delete(`/api/spaces/${space.slug}/roles`, {
      email: moderator.user.email,
      role: 'moderator',
    });
    expect(res.status).toBe(200);
    expect(await resetOf(s, space.slug)).toEqual({ type: 'reset', space: space.slug });

    const marker = await afterwards(s, space, () =>
      emit(ctx.db.db, space.id, 'comment.submitted', { n: 'after', secret: 'pending after removal' }),
    );
    expect(s.events(space.slug).map((e) => e.id)).toContain(marker);
    expect(s.events(space.slug).filter((e) => e.kind === 'comment.submitted')).toHaveLength(1);
    expect(JSON.stringify(s.messages)).not.toContain('pending after removal');
  });

  it('resets the moderator of a draft space removed from it, and refuses them again', async () => {
    const { space } = await makeSpace(ctx, { status: 'draft' });
    const { space: beacon } = await makeSpace(ctx);
    const moderator = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const s = await connect(moderator.client.cookieHeader);
    await s.subscribe(space.slug);
    await s.subscribe(beacon.slug);

    const res = await admin.client.delete(`/api/spaces/${space.slug}/roles`, {
      email: moderator.user.email,
      role: 'moderator',
    });
    expect(res.status).toBe(200);
    expect(await resetOf(s, space.slug)).toEqual({ type: 'reset', space: space.slug });
    await refusedOnResubscribe(s, space.slug);

    await afterwards(s, beacon, async () => {
      await emit(ctx.db.db, space.id, 'comment.submitted', { secret: 'pending in the draft' });
      await emit(ctx.db.db, space.id, 'note.saved', { secret: 'note of the draft' });
    });
    expect(s.events(space.slug)).toEqual([]);
    expect(JSON.stringify(s.messages)).not.toMatch(/of the draft|in the draft/);
  });

  it('resets every socket of a disabled account, which then sees only what a guest sees', async () => {
    const { space } = await makeSpace(ctx);
    const { space: draft } = await makeSpace(ctx, { status: 'draft' });
    const moderator = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    await grantRole(ctx, draft.id, moderator.user.id, 'moderator');
    const s = await connect(moderator.client.cookieHeader);
    await s.subscribe(space.slug);
    await s.subscribe(draft.slug);

    const res = await admin.client.patch(`/api/admin/users/${moderator.user.id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect(await resetOf(s, space.slug)).toEqual({ type: 'reset', space: space.slug });
    expect(await resetOf(s, draft.slug)).toEqual({ type: 'reset', space: draft.slug });
    await refusedOnResubscribe(s, draft.slug);

    const marker = await afterwards(s, space, async () => {
      await emit(ctx.db.db, space.id, 'comment.submitted', { secret: 'pending after disable' });
      await emit(ctx.db.db, space.id, 'comment.status', { secret: 'own status after disable' }, moderator.user.id);
      await emit(ctx.db.db, draft.id, 'comment.published', { secret: 'draft after disable' });
    });
    expect(s.events().map((e) => e.id)).toEqual([marker]);
    expect(JSON.stringify(s.messages)).not.toContain('after disable');
  });
});
