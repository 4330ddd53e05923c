import { afterAll, expect, it } from 'vitest';
import { setupApp } from '../helpers/app.js';
import { makeCast, makeSpace, uuid } from '../helpers/factories.js';
import { LiveClient, startInstance } from '../helpers/live.js';

const ctx = await setupApp();
const a = await startInstance(ctx.db.db, ctx.config);
const b = await startInstance(ctx.db.db, ctx.config);
afterAll(async () => {
  await a.app.close();
  await b.app.close();
});

it('an approval made through instance A reaches readers on B, and the author hears the decision', async () => {
  const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre' });
  const cast = await makeCast(ctx, space.id);
  const origin = ctx.config.appOrigin;
  const reader = await LiveClient.connect(b.url, { origin, cookie: cast.participant.client.cookieHeader });
  const author = await LiveClient.connect(b.url, { origin, cookie: cast.author.client.cookieHeader });
  const mod = await LiveClient.connect(b.url, { origin, cookie: cast.moderator.client.cookieHeader });
  try {
    for (const s of [reader, author, mod]) await s.subscribe(space.slug);
    const created = await cast.author.client.post(`/api/spaces/${space.slug}/comments`, {
      questionId: questions[0]?.id,
      body: 'Diaspora bonds work when **trust** is built first.',
      language: 'en',
      clientId: uuid(),
    });
    const id = created.body.comment.id as string;
    await mod.waitFor((m) => m.type === 'event' && m.kind === 'comment.submitted');

    const decided = await a.app.inject({
      method: 'POST',
      url: `/api/comments/${id}/decision`,
      headers: { origin, cookie: cast.moderator.client.cookieHeader },
      payload: { action: 'approve', version: created.body.comment.version },
    });
    expect(decided.statusCode).toBe(200);

    const published = await reader.waitFor((m) => m.type === 'event' && m.kind === 'comment.published');
    expect(published).toMatchObject({ data: { comment: { id, status: 'approved' } } });
    expect(JSON.stringify(published)).toContain('<strong>trust</strong>');
    const status = await author.waitFor((m) => m.type === 'event' && m.kind === 'comment.status');
    expect(status).toMatchObject({ data: { commentId: id, status: 'approved' } });
    // The reader never saw it while it waited.
    expect(reader.events().map((e) => e.kind)).toEqual(['comment.published']);
  } finally {
    for (const s of [reader, author, mod]) s.close();
  }
});
