import { describe, expect, it } from 'vitest';
import { runStaffAlerts } from '../../server/src/mail/staffAlerts.js';
import { setupApp } from '../helpers/app.js';
import { grantRole, insertComment, makeSpace, makeUser } from '../helpers/factories.js';
import { decide, mailTo, post, unsubscribeLink } from '../helpers/mailFlow.js';
import { mailConfig, startSmtp } from '../helpers/smtp.js';

/**
 * Emails in Arabic, Chinese and Russian over a real SMTP server: an Arabic author's decision
 * email right to left and in Arabic, its unsubscribe page too; a Russian moderator's queue alert
 * with the count in Russian's plural forms.
 */
const smtp = await startSmtp();
const ctx = await setupApp({ mail: mailConfig({ smtpUrl: smtp.url, worker: true }) });
const mailer = { db: ctx.db.db, jobs: ctx.app.jobs, config: ctx.config };
const MINUTE = 60_000;

describe('emails in the recipient’s language', () => {
  it('an Arabic author: the decision in Arabic, right to left; the unsubscribe page in Arabic, right to left', async () => {
    const { space } = await makeSpace(ctx, { moderationMode: 'pre', code: 'RT 1.1', title: 'Harnessing the capital' });
    await ctx.db.pool.query(`update spaces set accepted_languages = '{en,ar}' where id = $1`, [space.id]);
    const moderator = await makeUser(ctx, { displayName: 'Mo Moderator' });
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const author = await makeUser(ctx, { locale: 'ar', displayName: 'ليلى حداد' });
    const c = await post(author, space.slug, 'تسهم التحويلات المالية في التنمية.', { language: 'ar' });
    await decide(ctx, moderator.client, c.id, 'approve');

    const mail = await smtp.waitFor(mailTo(author.user.email));
    expect(mail.parsed.subject).toBe('[RT 1.1] Harnessing the capital — نُشر تعليقك');
    const html = String(mail.parsed.html);
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('direction:rtl');
    expect(html).not.toContain('direction:ltr');
    expect(html).toContain('text-align:right');
    expect(html).toContain('Noto Naskh Arabic');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('تحية طيبة ليلى حداد،');
    expect(text).toContain('وافق أحد المشرفين على تعليقك');
    expect(text).toContain('> تسهم التحويلات المالية في التنمية.');

    const link = unsubscribeLink(mail).replace('http://localhost:3000', '');
    const page = await ctx.app.inject({ method: 'GET', url: link, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('إلغاء الاشتراك');
    expect(page.body).toContain('الرسائل المتعلقة بقرارات المشرفين بشأن تعليقاتك');
  });

  it('a Russian moderator: the queue alert counts in Russian (5 элементов, then 22 элемента)', async () => {
    const { space } = await makeSpace(ctx, { code: 'RT 2.2', title: 'Миграция' });
    const moderator = await makeUser(ctx, { locale: 'ru', displayName: 'Ирина' });
    const participant = await makeUser(ctx);
    await grantRole(ctx, space.id, moderator.user.id, 'moderator');
    const t0 = new Date(Date.now() + 10 * MINUTE);
    const pending = (n: number, at: Date) =>
      Promise.all(
        Array.from({ length: n }, () =>
          insertComment(ctx, { spaceId: space.id, authorId: participant.user.id, createdAt: at }),
        ),
      );
    await pending(5, t0);
    await runStaffAlerts(mailer, new Date(t0.getTime() + 3 * 60 * MINUTE));
    const first = await smtp.waitFor(mailTo(moderator.user.email));
    expect(first.parsed.subject).toBe('[RT 2.2] Миграция — 5 элементов ожидают модерации');
    expect(first.parsed.text).toContain('Здравствуйте, Ирина!');
    expect(first.parsed.text).toContain('В очереди модерации ожидают 5 элементов.');
    expect(first.parsed.text).toContain('Самый ранний из них ожидает уже 3 часа.');
    expect(String(first.parsed.html)).toContain('<html lang="ru" dir="ltr"');

    // An hour and more later, 17 more: 22, the "few" form.
    await pending(17, new Date(t0.getTime() + 4 * 60 * MINUTE));
    await runStaffAlerts(mailer, new Date(t0.getTime() + 5 * 60 * MINUTE));
    const second = await smtp.waitFor((m) => mailTo(moderator.user.email)(m) && m !== first);
    expect(second.parsed.subject).toBe('[RT 2.2] Миграция — 22 элемента ожидают модерации');
    expect(second.parsed.text).toContain('В очереди модерации ожидают 22 элемента.');
  });
});
