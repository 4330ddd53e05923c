import { type Locale, errorResponse, okResponse } from '@convene/shared';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { escapeHtml } from '../../mail/markup.js';
import { messagesFor } from '../../mail/messages.js';
import { FONT_STACK, textDirection } from '../../mail/render.js';
import { setFrequency } from '../../mail/preferences.js';
import { readUnsubscribeToken } from '../../mail/unsubscribe.js';

const tags = ['mail'];

export const unsubscribeQuery = z.strictObject({
  /** The token of the emailed link: names one person and one kind of notification. */
  token: z.string().min(1, 'Required').max(300),
});

/** A small page of its own (the link is opened from a mail client, maybe signed out, maybe elsewhere). */
function page(locale: Locale, body: string): string {
  const t = messagesFor(locale).unsubscribePage;
  return `<!doctype html>
<html lang="${locale}"${textDirection(locale) === 'rtl' ? ' dir="rtl"' : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(t.title)} — Convene</title>
<style>
body{font-family:${FONT_STACK};background:#f4f4f4;color:#1a1a1a;margin:0;padding:2rem 1rem}
main{max-width:32rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;border-radius:4px;line-height:1.5}
button{font:inherit;font-size:1rem;background:#0b5394;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;cursor:pointer}
button:focus-visible{outline:3px solid #f1c232;outline-offset:2px}
</style>
</head>
<body><main>
<h1>${escapeHtml(t.title)}</h1>
${body}
</main></body>
</html>`;
}

const sendPage = (reply: FastifyReply, status: number, html: string) =>
  reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);

const wantsHtml = (request: FastifyRequest) => /text\/html/.test(request.headers.accept ?? '');

/**
 * One-click unsubscribe (RFC 8058), without signing in: the link of every notification's
 * `List-Unsubscribe` header and footer. GET shows a page that says what the link does and offers
 * the button; POST (the button, or a mail client's `List-Unsubscribe=One-Click`) does it.
 */
export const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  // Mail clients post `List-Unsubscribe=One-Click` as a form (RFC 8058 §3.1); its content is not needed.
  for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => done(null, body));
  }

  /** The person and kind the token names, with the person's language and address. */
  const resolve = async (token: string) => {
    const named = await readUnsubscribeToken(db, token);
    if (!named) return null;
    const [user] = await db
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(eq(users.id, named.userId))
      .limit(1);
    return user ? { ...named, ...user } : null;
  };
  /** An invalid token: a browser gets a page; any other client the API's JSON error, like every other route. */
  const refuse = (request: FastifyRequest, reply: FastifyReply) => {
    if (wantsHtml(request))
      return sendPage(reply, 400, page('en', `<p>${escapeHtml(messagesFor('en').unsubscribePage.invalid)}</p>`));
    throw new AppError(400, 'unsubscribe_token_invalid', 'This unsubscribe link is not valid.', {
      fields: [{ field: 'token', message: 'This unsubscribe link is not valid.' }],
    });
  };

  app.get(
    '/mail/unsubscribe',
    {
      schema: {
        tags,
        summary: 'The page of an unsubscribe link: what it does, and the button (HTML)',
        description:
          'Answers an HTML page in the language of the person the token names, with a button that POSTs to the same address. An invalid token: 400, a page that says so when the request accepts text/html, else the JSON error `unsubscribe_token_invalid` naming `token`.',
        querystring: unsubscribeQuery,
      },
    },
    async (request, reply) => {
      const who = await resolve(request.query.token);
      if (!who) return refuse(request, reply);
      const t = messagesFor(who.locale).unsubscribePage;
      const action = `/api/mail/unsubscribe?token=${encodeURIComponent(request.query.token)}`;
      return sendPage(
        reply,
        200,
        page(
          who.locale,
          `<p>${escapeHtml(t.explain(t.kinds[who.kind], who.email))}</p>
<form method="post" action="${escapeHtml(action)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(t.button)}</button>
</form>`,
        ),
      );
    },
  );

  app.post(
    '/mail/unsubscribe',
    {
      schema: {
        tags,
        summary: 'Unsubscribe from one kind of notification, without signing in (RFC 8058 one-click)',
        description:
          'The token names the person and the kind; the body (`List-Unsubscribe=One-Click`, as a form) is accepted and not needed. Sets that kind to `never` and answers 200: `{ ok: true }`, or an HTML page when the request accepts text/html (the button of the GET page). Repeating it changes nothing. An invalid token: 400 `unsubscribe_token_invalid`.',
        querystring: unsubscribeQuery,
        response: { 200: okResponse, 400: errorResponse },
      },
    },
    async (request, reply) => {
      const who = await resolve(request.query.token);
      if (!who) return refuse(request, reply);
      await setFrequency(db, who.userId, who.kind, 'never');
      if (wantsHtml(request)) {
        const t = messagesFor(who.locale).unsubscribePage;
        return sendPage(
          reply,
          200,
          page(who.locale, `<p>${escapeHtml(t.done(t.kinds[who.kind]))}</p>\n<p>${escapeHtml(t.again)}</p>`),
        );
      }
      return { ok: true as const };
    },
  );
};
