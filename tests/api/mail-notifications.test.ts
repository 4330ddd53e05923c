import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { createDb } from '../../server/src/db/client.js';
import { deliverer } from '../../server/src/mail/deliver.js';
import { mayStillSend, notifier } from '../../server/src/mail/notifications.js';
import { smtpTransport } from '../../server/src/mail/transport.js';
import { type TestContext, setupApp } from '../helpers/app.js';
import { grantRole, makeSpace, makeUser } from '../helpers/factories.js';
import { decide, header, mailTo, manualJob, post, unsubscribeLink } from '../helpers/mailFlow.js';
import { mailConfig, startSmtp, waitUntil } from '../helpers/smtp.js';

/**
 * Participants' notifications by email, over a real SMTP server: a decision on your comment or
 * your edit, a reply to your published comment. Each is written in the transaction of its event,
 * rendered when its job runs and checked again just before it is sent, so no email shows text its
 * recipient may no longer see. One-click unsubscribe (RFC 8058) without signing in.
 */
const smtp = await startSmtp();
/** The worker runs: emails arrive as they would in production. */
const ctx = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: true }) });
/** No worker: this file runs the jobs by hand, to change things between queueing and sending. */
const manual = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: false }) });

const path = (url: string) => url.replace('http://localhost:3000', '');

let n = 0;

async function stage(c: TestContext, mode: 'pre' | 'post' = 'pre') {
  n += 1;
  const { space } = await makeSpace(c, { moderationMode: mode, code: `RT ${n}.1`, title: `Table ronde ${n}` });
  const moderator = await makeUser(c, { displayName: 'Mo Moderator' });
  await grantRole(c, space.id, moderator.user.id, 'moderator');
  return { space, moderator };
}

const notificationsOf = async (c: TestContext, commentId: string) =>
  (
    await c.db.pool.query<{
      id: string;
      user_id: string;
      kind: string;
      status: string;
      drop_reason: string | null;
      mail_message_id: string | null;
    }>('select * from notifications where comment_id = $1 order by created_at', [commentId])
  ).rows;

/** Runs the `mail-notify` job of a notification by hand (the `manual` app has no worker). */
const runNotify = (id: string) => notifier(manual.db.db, manual.app.jobs, manual.config)(manualJob(id));
/** Runs the delivery of an email by hand, with the send-time check. */
const runDeliver = (mailId: string) =>
  deliverer(manual.db.db, smtpTransport(smtp.url), (id) => mayStillSend(manual.db.db, manual.config, id))(
    manualJob(mailId),
  );

describe('decisions on your comment', () => {
  it('approved: in the author’s language, subject with code and title, the permalink, HTML and text, one-click unsubscribe', async () => {
    const { space, moderator } = await stage(ctx);
    const author = await makeUser(ctx, { locale: 'fr', displayName: 'Amélie <b>Auteur</b>' });
    const c = await post(author, space.slug, 'Les **transferts** de fonds & les coûts comptent.');
    await decide(ctx, moderator.client, c.id, 'approve');

    const mail = await smtp.waitFor(mailTo(author.user.email));
    expect(mail.parsed.subject).toBe(`[${space.code}] ${space.title} — Votre commentaire a été publié`);
    const permalink = `http://localhost:3000/spaces/${space.slug}#comment-${c.id}`;
    const html = String(mail.parsed.html);
    const text = mail.parsed.text ?? '';
    expect(html).toContain('<html lang="fr"');
    expect(html).toContain(`href="${permalink}"`);
    expect(text).toContain(permalink);
    expect(text).toContain('Bonjour Amélie <b>Auteur</b>,');
    expect(text).toContain('> Les transferts de fonds & les coûts comptent.');
    expect(html).toContain('Les transferts de fonds &#38; les coûts comptent.');
    expect(html).not.toContain('<b>Auteur</b>');
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeLink(mail)).toMatch(/^http:\/\/localhost:3000\/api\/mail\/unsubscribe\?token=[^&\s]+$/);
    expect(text).toContain(unsubscribeLink(mail));
    expect(header(mail, 'x-convene-kind')).toBe('comment_approved');
    const [row] = await notificationsOf(ctx, c.id);
    expect(row).toMatchObject({ user_id: author.user.id, kind: 'comment_approved' });
    await waitUntil(async () => (await notificationsOf(ctx, c.id))[0]?.status === 'mailed', 5_000, 'mailed');
  });

  it('rejected: with the reason and a link to revise, in Spanish; the rejection of an edit too, and its approval', async () => {
    const { space, moderator } = await stage(ctx);
    const author = await makeUser(ctx, { locale: 'es', displayName: 'Ana' });
    const c = await post(author, space.slug, 'Primer texto del comentario.');
    await decide(ctx, moderator.client, c.id, 'reject', 'Fuera de tema: <hable> de remesas & migración.');
    const rejected = await smtp.waitFor(mailTo(author.user.email));
    expect(rejected.parsed.subject).toBe(`[${space.code}] ${space.title} — Su comentario no fue publicado`);
    const text = rejected.parsed.text ?? '';
    expect(text).toContain('El motivo indicado por la moderación:\nFuera de tema: <hable> de remesas & migración.');
    expect(text).toContain(`Modificar su comentario:\nhttp://localhost:3000/spaces/${space.slug}#comment-${c.id}`);
    expect(text).toContain('> Primer texto del comentario.');
    expect(String(rejected.parsed.html)).toContain('Fuera de tema: &#60;hable&#62; de remesas &#38; migración.');

    // Revised, approved, then an edit of the published text: rejected, then another approved.
    const edited = await author.client.patch(`/api/comments/${c.id}`, { body: 'Texto revisado.', version: 2 });
    expect(edited.status).toBe(200);
    await decide(ctx, moderator.client, c.id, 'approve');
    await smtp.waitFor(
      (m) => mailTo(author.user.email)(m) && /Su comentario fue publicado/.test(m.parsed.subject ?? ''),
    );
    const { rows } = await ctx.db.pool.query('select version from comments where id = $1', [c.id]);
    const edit = await author.client.patch(`/api/comments/${c.id}`, {
      body: 'Una edición que no pasará.',
      version: rows[0].version,
    });
    expect(edit.status).toBe(200);
    await decide(ctx, moderator.client, c.id, 'reject', 'Demasiado largo.');
    const editRejected = await smtp.waitFor(
      (m) => mailTo(author.user.email)(m) && /Su modificación no fue publicada/.test(m.parsed.subject ?? ''),
    );
    expect(editRejected.parsed.text).toContain('> Una edición que no pasará.');
    expect(editRejected.parsed.text).toContain('El motivo indicado por la moderación:\nDemasiado largo.');
    expect(header(editRejected, 'x-convene-kind')).toBe('edit_rejected');

    const { rows: again } = await ctx.db.pool.query('select version from comments where id = $1', [c.id]);
    await author.client.patch(`/api/comments/${c.id}`, { body: 'Una edición aceptada.', version: again[0].version });
    await decide(ctx, moderator.client, c.id, 'approve');
    const editApproved = await smtp.waitFor(
      (m) => mailTo(author.user.email)(m) && /Su modificación fue publicada/.test(m.parsed.subject ?? ''),
    );
    expect(editApproved.parsed.text).toContain('> Una edición aceptada.');
  });

  it('writes nothing for a refused decision, and a decision’s notification commits with it', async () => {
    const { space, moderator } = await stage(ctx);
    const author = await makeUser(ctx);
    const c = await post(author, space.slug, 'Stale decisions tell nobody.');
    const stale = await moderator.client.post(`/api/comments/${c.id}/decision`, { action: 'approve', version: 99 });
    expect(stale.status).toBe(409);
    expect(await notificationsOf(ctx, c.id)).toHaveLength(0);
    const bulk = await moderator.client.post(`/api/spaces/${space.slug}/moderation/bulk`, {
      ids: [c.id, crypto.randomUUID()],
      action: 'approve',
    });
    expect(bulk.status).toBe(200);
    expect((await notificationsOf(ctx, c.id)).map((r) => r.kind)).toEqual(['comment_approved']);
    await smtp.waitFor(mailTo(author.user.email));
  });
});

describe('several instances', () => {
  it('sends each notification once with two workers on the same database', async () => {
    const second = createDb(ctx.db.url, { max: 4 });
    const other = await buildApp({ db: second.db, config: ctx.config, logger: false });
    await other.ready();
    try {
      const { space, moderator } = await stage(ctx);
      const authors = await Promise.all(Array.from({ length: 5 }, () => makeUser(ctx)));
      const ids = [];
      for (const a of authors) ids.push((await post(a, space.slug, `Twice? ${a.user.id}`)).id);
      const bulk = await moderator.client.post(`/api/spaces/${space.slug}/moderation/bulk`, { ids, action: 'approve' });
      expect(bulk.status).toBe(200);
      for (const a of authors) await smtp.waitFor(mailTo(a.user.email));
      await waitUntil(
        async () =>
          (
            await ctx.db.pool.query(
              `select 1 from pgboss.job where name in ('mail-send', 'mail-notify') and state not in ('completed', 'failed')`,
            )
          ).rows.length === 0,
        15_000,
        'every job to finish',
      );
      for (const a of authors) expect(smtp.received.filter(mailTo(a.user.email))).toHaveLength(1);
    } finally {
      await other.close();
      await second.close();
    }
  });
});

describe('replies to your published comment', () => {
  it('a reply published at once (post-moderated) tells the parent’s author, quoting both; replying to yourself tells nobody', async () => {
    const { space } = await stage(ctx, 'post');
    const parentAuthor = await makeUser(ctx, { displayName: 'Paula Parent' });
    const replier = await makeUser(ctx, { displayName: 'Rita Replier' });
    const parent = await post(parentAuthor, space.slug, 'The parent comment.');
    const reply = await post(replier, space.slug, 'A reply that is *published* at once.', { parentId: parent.id });
    const mail = await smtp.waitFor(mailTo(parentAuthor.user.email));
    expect(mail.parsed.subject).toBe(`[${space.code}] ${space.title} — Rita Replier replied to your comment`);
    const text = mail.parsed.text ?? '';
    expect(text).toContain('> A reply that is published at once.');
    expect(text).toContain('In reply to your comment:\n\n> The parent comment.');
    expect(text).toContain(`http://localhost:3000/spaces/${space.slug}#comment-${reply.id}`);
    expect(header(mail, 'x-convene-kind')).toBe('comment_reply');

    const own = await post(parentAuthor, space.slug, 'Answering myself.', { parentId: parent.id });
    // (The replier now follows the space, having answered in it: they hear of it as a new contribution.)
    expect((await notificationsOf(ctx, own.id)).map((r) => [r.user_id, r.kind])).toEqual([
      [replier.user.id, 'new_contribution'],
    ]);
  });

  it('a reply held for moderation tells the parent’s author when it is approved, not before', async () => {
    const { space, moderator } = await stage(ctx, 'pre');
    const parentAuthor = await makeUser(ctx);
    const replier = await makeUser(ctx, { displayName: 'Rex Later' });
    const parent = await post(parentAuthor, space.slug, 'Pre-moderated parent.');
    await decide(ctx, moderator.client, parent.id, 'approve');
    await smtp.waitFor(mailTo(parentAuthor.user.email));
    const reply = await post(replier, space.slug, 'Waiting reply.', { parentId: parent.id });
    expect(await notificationsOf(ctx, reply.id)).toHaveLength(0);
    await decide(ctx, moderator.client, reply.id, 'approve');
    const mail = await smtp.waitFor(
      (m) => mailTo(parentAuthor.user.email)(m) && /Rex Later replied/.test(m.parsed.subject ?? ''),
    );
    expect(mail.parsed.text).toContain('> Waiting reply.');
    expect((await notificationsOf(ctx, reply.id)).map((r) => [r.user_id, r.kind]).sort()).toEqual(
      [
        [parentAuthor.user.id, 'comment_reply'],
        [replier.user.id, 'comment_approved'],
      ].sort(),
    );
  });
});

describe('the visibility rule at send time', () => {
  const setup = (mode: 'pre' | 'post' = 'pre') => stage(manual, mode);
  const only = async (commentId: string, kind: string) => {
    const rows = (await notificationsOf(manual, commentId)).filter((r) => r.kind === kind);
    expect(rows).toHaveLength(1);
    return rows[0] as NonNullable<(typeof rows)[number]>;
  };
  const mailRows = async (email: string) =>
    (await manual.db.pool.query('select id from mail_messages where lower(to_address) = lower($1)', [email])).rows;

  it('drops an approval whose comment was withdrawn after it was queued: no email is written', async () => {
    const { space, moderator } = await setup();
    const author = await makeUser(manual);
    const c = await post(author, space.slug, 'WITHDRAWN-BEFORE-SENDING');
    await decide(manual, moderator.client, c.id, 'approve');
    const queued = await only(c.id, 'comment_approved');
    expect(queued.status).toBe('queued');
    expect((await author.client.delete(`/api/comments/${c.id}`)).status).toBe(200);
    await runNotify(queued.id);
    expect(await only(c.id, 'comment_approved')).toMatchObject({ status: 'dropped', drop_reason: 'not_visible' });
    expect(await mailRows(author.user.email)).toHaveLength(0);
  });

  it('drops an email already written when the comment is taken down before it is sent', async () => {
    const { space, moderator } = await setup();
    const author = await makeUser(manual);
    const c = await post(author, space.slug, 'TAKEN-DOWN-BEFORE-SENDING');
    await decide(manual, moderator.client, c.id, 'approve');
    const queued = await only(c.id, 'comment_approved');
    await runNotify(queued.id);
    const written = await only(c.id, 'comment_approved');
    expect(written.status).toBe('mailed');
    expect(written.mail_message_id).not.toBeNull();
    await decide(manual, moderator.client, c.id, 'reject', 'Taken down.');
    await runDeliver(written.mail_message_id ?? '');
    expect(await only(c.id, 'comment_approved')).toMatchObject({
      status: 'dropped',
      drop_reason: 'not_visible',
      mail_message_id: null,
    });
    // The takedown's own email does go, and it is the only one this author gets.
    const takedown = await only(c.id, 'comment_rejected');
    await runNotify(takedown.id);
    const sent = await only(c.id, 'comment_rejected');
    await runDeliver(sent.mail_message_id ?? '');
    const got = await smtp.waitFor(mailTo(author.user.email));
    expect(got.parsed.subject).toMatch(/Your comment was not published$/);
    expect(got.parsed.text).toContain('Taken down.');
    expect(smtp.received.filter(mailTo(author.user.email))).toHaveLength(1);
  });

  it('drops what a space made private (back to draft) would show', async () => {
    const { space, moderator } = await setup();
    const author = await makeUser(manual);
    const c = await post(author, space.slug, 'PRIVATE-BEFORE-SENDING');
    await decide(manual, moderator.client, c.id, 'approve');
    await manual.db.pool.query(`update spaces set status = 'draft' where id = $1`, [space.id]);
    await runNotify((await only(c.id, 'comment_approved')).id);
    expect(await only(c.id, 'comment_approved')).toMatchObject({ status: 'dropped', drop_reason: 'not_visible' });
    expect(await mailRows(author.user.email)).toHaveLength(0);
  });

  it('drops a rejection once the comment was edited (the rejection no longer stands)', async () => {
    const { space, moderator } = await setup();
    const author = await makeUser(manual);
    const c = await post(author, space.slug, 'REJECTED-THEN-EDITED');
    await decide(manual, moderator.client, c.id, 'reject', 'Please shorten.');
    expect((await author.client.patch(`/api/comments/${c.id}`, { body: 'Shorter.', version: 2 })).status).toBe(200);
    await runNotify((await only(c.id, 'comment_rejected')).id);
    expect(await only(c.id, 'comment_rejected')).toMatchObject({ status: 'dropped' });
  });

  it('never quotes an unpublished reply, not even to a parent author who moderates the space', async () => {
    const { space, moderator } = await setup('post');
    const replier = await makeUser(manual, { displayName: 'Quinn' });
    // The moderator wrote the parent: they may see the reply once taken down, but no email shows it.
    const parent = await post(moderator, space.slug, 'A moderator’s own comment.');
    const reply = await post(replier, space.slug, 'UNPUBLISHED-REPLY-TEXT', { parentId: parent.id });
    const queued = await only(reply.id, 'comment_reply');
    await decide(manual, moderator.client, reply.id, 'reject', 'Off topic.');
    await runNotify(queued.id);
    expect(await only(reply.id, 'comment_reply')).toMatchObject({ status: 'dropped', drop_reason: 'not_visible' });
    expect(await mailRows(moderator.user.email)).toHaveLength(0);

    // A reply withdrawn after its email was written is not sent either.
    const second = await post(replier, space.slug, 'WITHDRAWN-REPLY-TEXT', { parentId: parent.id });
    await runNotify((await only(second.id, 'comment_reply')).id);
    const written = await only(second.id, 'comment_reply');
    expect(written.status).toBe('mailed');
    expect((await replier.client.delete(`/api/comments/${second.id}`)).status).toBe(200);
    await runDeliver(written.mail_message_id ?? '');
    expect(await only(second.id, 'comment_reply')).toMatchObject({ status: 'dropped' });
    expect(await mailRows(moderator.user.email)).toHaveLength(0);
    expect(smtp.received.filter(mailTo(moderator.user.email))).toHaveLength(0);
  });

  it('drops a notification of a kind its recipient turned off after it was queued', async () => {
    const { space, moderator } = await setup();
    const author = await makeUser(manual);
    const c = await post(author, space.slug, 'UNSUBSCRIBED-BEFORE-SENDING');
    await decide(manual, moderator.client, c.id, 'approve');
    const put = await author.client.put('/api/me/notification-preferences', {
      preferences: [{ kind: 'decisions', frequency: 'never' }],
    });
    expect(put.status).toBe(200);
    await runNotify((await only(c.id, 'comment_approved')).id);
    expect(await only(c.id, 'comment_approved')).toMatchObject({ status: 'dropped', drop_reason: 'unsubscribed' });
  });
});

describe('the visibility rule at send time, with the worker', () => {
  it('an email held back by an SMTP outage is not sent once its comment is withdrawn', async () => {
    const { space, moderator } = await stage(ctx);
    const author = await makeUser(ctx);
    const c = await post(author, space.slug, 'HELD-BACK-THEN-WITHDRAWN');
    await smtp.stop();
    try {
      await decide(ctx, moderator.client, c.id, 'approve');
      // Written, tried once and failed: it waits for its next attempt.
      await waitUntil(
        async () => {
          const { rows } = await ctx.db.pool.query(
            `select m.attempts from notifications n join mail_messages m on m.id = n.mail_message_id
             where n.comment_id = $1 and m.status = 'queued' and m.last_error is not null`,
            [c.id],
          );
          return rows.length === 1;
        },
        15_000,
        'a failed attempt',
      );
      expect((await author.client.delete(`/api/comments/${c.id}`)).status).toBe(200);
    } finally {
      await smtp.start();
    }
    await waitUntil(
      async () => (await notificationsOf(ctx, c.id))[0]?.status === 'dropped',
      15_000,
      'the next attempt to drop it',
    );
    expect(await notificationsOf(ctx, c.id)).toMatchObject([{ drop_reason: 'not_visible', mail_message_id: null }]);
    expect(smtp.received.filter(mailTo(author.user.email))).toHaveLength(0);
  });
});

describe('one-click unsubscribe and preferences', () => {
  it('unsubscribes from the kind of a received email without signing in, and only from that kind', async () => {
    const { space, moderator } = await stage(ctx, 'post');
    const author = await makeUser(ctx, { locale: 'fr' });
    const replier = await makeUser(ctx, { displayName: 'Renée' });
    const c = await post(author, space.slug, 'Unsubscribe test.');
    await decide(ctx, moderator.client, c.id, 'reject', 'Hors sujet.');
    const mail = await smtp.waitFor(mailTo(author.user.email));
    const link = path(unsubscribeLink(mail));

    // The page of the link: in the person's language, saying what it does, with the button.
    const guest = ctx.client();
    const page = await guest.get(link);
    expect(page.status).toBe(200);
    expect(String(page.headers['content-type'])).toMatch(/^text\/html/);
    expect(page.raw).toContain('<html lang="fr">');
    expect(page.raw).toContain(author.user.email);
    expect(page.raw).toContain('décisions de la modération');
    expect(page.raw).toMatch(/<form method="post" action="\/api\/mail\/unsubscribe\?token=[^"]+">/);

    // What a mail client sends (RFC 8058): a POST with the form body, no cookie, no Origin.
    const res = await ctx.app.inject({
      method: 'POST',
      url: link,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    const prefs = await author.client.get('/api/me/notification-preferences');
    expect(prefs.body.preferences).toEqual([
      { kind: 'decisions', frequency: 'never', isDefault: false },
      { kind: 'replies', frequency: 'immediately', isDefault: true },
      { kind: 'followed', frequency: 'daily', isDefault: true },
      { kind: 'reminders', frequency: 'immediately', isDefault: true },
      { kind: 'staff', frequency: 'immediately', isDefault: true },
    ]);
    // Again, and from the page's button (a browser: HTML back): still 200.
    const button = await guest.request('POST', link, 'List-Unsubscribe=One-Click', {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
    });
    expect(button.status).toBe(200);
    expect(button.raw).toContain('vous ne recevrez plus');

    // Decisions are no longer emailed; replies still are.
    await decide(ctx, moderator.client, c.id, 'restore');
    const reply = await post(replier, space.slug, 'Still told of replies.', { parentId: c.id });
    const replyMail = await smtp.waitFor((m) => mailTo(author.user.email)(m) && /Renée/.test(m.parsed.subject ?? ''));
    expect(header(replyMail, 'x-convene-kind')).toBe('comment_reply');
    await waitUntil(
      async () => (await notificationsOf(ctx, c.id)).find((r) => r.kind === 'comment_approved')?.status === 'dropped',
      10_000,
      'the restore’s notification to be dropped',
    );
    expect(smtp.received.filter(mailTo(author.user.email)).map((m) => header(m, 'x-convene-kind'))).toEqual([
      'comment_rejected',
      'comment_reply',
    ]);
    expect((await notificationsOf(ctx, reply.id))[0]?.status).toBe('mailed');

    // A token altered to name someone else (or another kind) is refused.
    const token = new URL(unsubscribeLink(mail)).searchParams.get('token') ?? '';
    const [, kind, mac] = token.split('.');
    for (const forged of [`${replier.user.id}.${kind}.${mac}`, `${author.user.id}.replies.${mac}`, 'nonsense']) {
      const r = await ctx.client().post(`/api/mail/unsubscribe?token=${encodeURIComponent(forged)}`);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('unsubscribe_token_invalid');
      // The page's GET: a browser is told on a page, any other client gets the JSON error.
      const url = `/api/mail/unsubscribe?token=${encodeURIComponent(forged)}`;
      const json = await ctx.client().get(url);
      expect(json.status).toBe(400);
      expect(json.body.error.code).toBe('unsubscribe_token_invalid');
      const html = await ctx.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(html.statusCode).toBe(400);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
    }
    expect((await replier.client.get('/api/me/notification-preferences')).body.preferences[0].isDefault).toBe(true);
  });

  it('GET/PUT /api/me/notification-preferences: defaults, a change, every frequency selectable', async () => {
    const person = await makeUser(ctx);
    const initial = await person.client.get('/api/me/notification-preferences');
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({
      preferences: [
        { kind: 'decisions', frequency: 'immediately', isDefault: true },
        { kind: 'replies', frequency: 'immediately', isDefault: true },
        { kind: 'followed', frequency: 'daily', isDefault: true },
        { kind: 'reminders', frequency: 'immediately', isDefault: true },
        { kind: 'staff', frequency: 'immediately', isDefault: true },
      ],
      selectable: ['immediately', 'daily', 'weekly', 'never'],
      selectableByKind: {
        decisions: ['immediately', 'daily', 'weekly', 'never'],
        replies: ['immediately', 'daily', 'weekly', 'never'],
        followed: ['immediately', 'daily', 'weekly', 'never'],
        reminders: ['immediately', 'never'],
        staff: ['immediately', 'never'],
      },
      followAnswered: true,
    });
    const off = await person.client.put('/api/me/notification-preferences', {
      preferences: [{ kind: 'replies', frequency: 'never' }],
    });
    expect(off.status).toBe(200);
    expect(off.body.preferences[1]).toEqual({ kind: 'replies', frequency: 'never', isDefault: false });
    const on = await person.client.put('/api/me/notification-preferences', {
      preferences: [{ kind: 'replies', frequency: 'immediately' }],
    });
    expect(on.body.preferences[1]).toEqual({ kind: 'replies', frequency: 'immediately', isDefault: false });
    const weekly = await person.client.put('/api/me/notification-preferences', {
      preferences: [{ kind: 'decisions', frequency: 'weekly' }],
    });
    expect(weekly.body.preferences[0]).toEqual({ kind: 'decisions', frequency: 'weekly', isDefault: false });
    // Reminders and staff notices are time-bound: no digest for them.
    const held = await person.client.put('/api/me/notification-preferences', {
      preferences: [
        { kind: 'replies', frequency: 'never' },
        { kind: 'staff', frequency: 'daily' },
      ],
    });
    expect(held.status).toBe(400);
    expect(held.body.error.details.fields).toEqual([
      expect.objectContaining({ field: 'preferences.1.frequency', message: expect.stringContaining('digest') }),
    ]);
    expect((await person.client.get('/api/me/notification-preferences')).body.preferences[1].frequency).toBe(
      'immediately',
    );
    for (const bad of [
      { kind: 'replies', frequency: 'hourly' },
      { kind: 'digests', frequency: 'never' },
      { kind: 'reminders', frequency: 'weekly' },
    ]) {
      const res = await person.client.put('/api/me/notification-preferences', { preferences: [bad] });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await ctx.client().get('/api/me/notification-preferences')).status).toBe(401);
  });
});
