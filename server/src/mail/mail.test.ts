import { LOCALES } from '@convene/shared';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../config.js';
import { mailHeaders } from './compose.js';
import { escapeHtml, htmlText, markupText, mjml, oneLine, safeUrl } from './markup.js';
import { MESSAGES } from './messages.js';
import { subjectLine } from './render.js';
import { renderDigest } from './templates/digest.js';
import { renderInvitation } from './templates/invitation.js';
import { renderNotification } from './templates/notification.js';
import { renderPasswordReset } from './templates/passwordReset.js';
import { formatDuration, renderSpaceNotice } from './templates/spaceNotice.js';
import { renderVerification } from './templates/verification.js';

const config = testConfig();

describe('mail headers', () => {
  it('give notification kinds RFC 8058 one-click unsubscribe, and transactional kinds none', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const note = mailHeaders({
      id,
      config,
      to: 'a@example.org',
      kind: 'comment_approved',
      notification: true,
      unsubscribeUrl: 'http://localhost:3000/api/mail/unsubscribe?t=abc',
    });
    expect(note['List-Unsubscribe']).toBe('<http://localhost:3000/api/mail/unsubscribe?t=abc>');
    expect(note['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(note['Message-ID']).toBe(`<${id}@localhost>`);
    expect(() => mailHeaders({ id, config, to: 'a@example.org', kind: 'x', notification: true })).toThrow(
      /unsubscribe/,
    );
    const reset = mailHeaders({ id, config, to: 'a@example.org', kind: 'password_reset' });
    expect(reset['List-Unsubscribe']).toBeUndefined();
    expect(reset['List-Unsubscribe-Post']).toBeUndefined();
  });

  it('keep every value on one line (no header injection)', () => {
    const h = mailHeaders({ id: 'x', config, to: 'a@example.org\r\nBcc: evil@example.org', kind: 'password_reset' });
    expect(h.To).toBe('a@example.org Bcc: evil@example.org');
    expect(oneLine('a\nb\u0000c')).toBe('a b c');
  });
});

describe('templates', () => {
  it('escape every interpolated value and keep nested fragments', () => {
    const name = '<img src=x onerror=alert(1)> "&\'';
    const out = markupText(mjml`<mj-text>${name}${mjml`<b>${name}</b>`}</mj-text>`);
    expect(out).toBe(`<mj-text>${escapeHtml(name)}<b>${escapeHtml(name)}</b></mj-text>`);
    expect(out).not.toContain('<img');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
  });

  it('put the space’s code and title in the subject', () => {
    expect(subjectLine('Your comment was approved', { code: 'RT 1.1', title: 'Harnessing\r\nthe capital' })).toBe(
      '[RT 1.1] Harnessing the capital — Your comment was approved',
    );
  });

  it('have every string in every interface language', () => {
    const shape = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? shape(v as object).map((s) => `${k}.${s}`) : [k]));
    for (const locale of LOCALES) expect(shape(MESSAGES[locale])).toEqual(shape(MESSAGES.en));
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'fr', 'es', 'ar', 'zh', 'ru']));
  });

  it('have no value left in English in Arabic, Chinese or Russian', () => {
    // Every leaf as text: a message that takes arguments is called with the same sample ones.
    const leaves = (o: object, at = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]): [string, string][] => {
        const key = at ? `${at}.${k}` : k;
        if (typeof v === 'function') return [[key, String((v as (...a: unknown[]) => string)(3, 'X'))]];
        if (typeof v === 'object' && v !== null) return leaves(v as object, key);
        return [[key, String(v)]];
      });
    // Only the name and affiliation of a person, which no language translates.
    const sameInEveryLanguage = new Set(['follows.by']);
    const english = new Map(leaves(MESSAGES.en));
    for (const locale of ['ar', 'zh', 'ru'] as const) {
      const left = leaves(MESSAGES[locale]).filter(([k, v]) => !sameInEveryLanguage.has(k) && v === english.get(k));
      expect(left, locale).toEqual([]);
      // The script of the language, in every value but the allowed ones.
      const script = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u }[locale];
      const latinOnly = leaves(MESSAGES[locale]).filter(([k, v]) => !sameInEveryLanguage.has(k) && !script.test(v));
      expect(latinOnly, locale).toEqual([]);
    }
  });

  it('count by the CLDR plural rules: Arabic six forms, Russian three, Chinese none', () => {
    const ar = [0, 1, 2, 3, 11, 100].map((n) => MESSAGES.ar.digest.intro.daily(n));
    expect(ar).toEqual([
      'لا توجد إشعارات جديدة منذ أمس.',
      'إشعار جديد واحد منذ أمس:',
      'إشعاران جديدان منذ أمس:',
      '3 إشعارات جديدة منذ أمس:',
      '11 إشعارًا جديدًا منذ أمس:',
      '100 إشعار جديد منذ أمس:',
    ]);
    expect([1, 2, 5, 11, 21, 22, 1000].map((n) => MESSAGES.ru.spaceNotice.staff_pending.subject(n))).toEqual([
      'Один элемент ожидает модерации',
      '2 элемента ожидают модерации',
      '5 элементов ожидают модерации',
      '11 элементов ожидают модерации',
      '21 элемент ожидает модерации',
      '22 элемента ожидают модерации',
      '1\u00a0000 элементов ожидают модерации',
    ]);
    expect(MESSAGES.zh.digest.intro.weekly(2)).toBe('本周有2条新通知：');
    // Units and their plurals come from Intl in the recipient's language.
    expect(formatDuration('ru', 5 * 3_600_000)).toBe('5 часов');
    expect(formatDuration('ru', 2 * 3_600_000)).toBe('2 часа');
    expect(formatDuration('ar', 2 * 3_600_000)).toBe('ساعتان');
  });
});

/** Every family of email, to an Arabic recipient: in Arabic, right to left; and Russian counts. */
describe('emails in Arabic, Chinese and Russian', () => {
  const space = { code: 'RT 1.1', title: 'تسخير رأس المال' };
  const rtl = (html: string) => {
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('direction:rtl');
    expect(html).toContain('text-align:right');
    expect(html).not.toContain('direction:ltr');
    expect(html).toMatch(/font-family:[^;]*Noto Naskh Arabic[^;]*Noto Sans CJK SC/);
  };
  const notification = {
    kind: 'comment_approved' as const,
    displayName: 'ليلى',
    space,
    url: 'http://localhost:3000/spaces/rt-1-1#comment-1',
    unsubscribeUrl: 'http://localhost:3000/api/mail/unsubscribe?token=t',
    excerpt: 'النص',
  };

  it('decisions and replies', async () => {
    const mail = await renderNotification({ ...notification, locale: 'ar' });
    expect(mail.subject).toBe('[RT 1.1] تسخير رأس المال — نُشر تعليقك');
    rtl(mail.html);
    expect(mail.text).toContain('تحية طيبة ليلى،');
    expect(mail.text).toContain(MESSAGES.ar.unsubscribe);
    const reply = await renderNotification({
      ...notification,
      kind: 'comment_reply',
      replyAuthor: 'Иван',
      locale: 'ru',
    });
    expect(reply.subject).toBe('[RT 1.1] تسخير رأس المال — Иван ответил(а) на Ваш комментарий');
    expect(reply.html).toContain('<html lang="ru" dir="ltr"');
  });

  it('new contributions in what one follows', async () => {
    const mail = await renderNotification({
      ...notification,
      kind: 'new_contribution',
      locale: 'ar',
      author: { displayName: 'Ana', affiliation: 'IOM' },
      question: { position: 2, text: 'ما العمل؟' },
    });
    expect(mail.subject).toBe('[RT 1.1] تسخير رأس المال — مساهمة جديدة من Ana');
    rtl(mail.html);
    expect(mail.text).toContain('السؤال 2: ما العمل؟');
  });

  it('digests, with the count in each language’s plural', async () => {
    const item = {
      kind: 'new_contribution' as const,
      spaceId: 's',
      space,
      question: null,
      author: { displayName: 'Ana', affiliation: '' },
      excerpt: 'Текст',
      reason: null,
      url: 'http://localhost:3000/spaces/rt-1-1#comment-1',
    };
    const digest = (locale: 'ar' | 'ru', count: number) =>
      renderDigest({
        locale,
        displayName: 'X',
        frequency: 'daily',
        groups: [{ space, questions: [{ question: null, items: [item] }] }],
        count,
        unsubscribeUrl: 'http://localhost:3000/api/mail/unsubscribe?token=t',
      });
    const ar = await digest('ar', 2);
    expect(ar.subject).toBe('[RT 1.1] تسخير رأس المال — ملخصك اليومي');
    rtl(ar.html);
    expect(ar.text).toContain('إشعاران جديدان منذ أمس:');
    expect(ar.text).toContain('تعليقات عامة');
    expect((await digest('ru', 5)).text).toContain('5 новых уведомлений со вчерашнего дня:');
    expect((await digest('ru', 21)).text).toContain('21 новое уведомление со вчерашнего дня:');
    expect((await digest('ru', 3)).text).toContain('3 новых уведомления со вчерашнего дня:');
  });

  it('space notices (staff alert, chair summary)', async () => {
    const t = MESSAGES.ar.spaceNotice.staff_pending;
    const mail = await renderSpaceNotice({
      kind: 'staff_pending',
      locale: 'ar',
      displayName: 'X',
      space,
      unsubscribeUrl: 'http://localhost:3000/api/mail/unsubscribe?token=t',
      subject: t.subject(11),
      paragraphs: [t.intro(11)],
      facts: [{ label: MESSAGES.ar.spaceNotice.chair_summary.participants, value: '7' }],
      action: { label: t.action, url: 'http://localhost:3000/queue' },
    });
    expect(mail.subject).toBe('[RT 1.1] تسخير رأس المال — 11 عنصرًا بانتظار الإشراف');
    rtl(mail.html);
    expect(mail.html).toContain('align="right"');
    expect(mail.text).toContain('يوجد 11 عنصرًا في قائمة انتظار الإشراف.');
  });

  it('account and invitation emails', async () => {
    const verification = await renderVerification({ locale: 'ar', displayName: 'X', url: 'http://localhost:3000/v' });
    expect(verification.subject).toBe('تأكيد عنوان بريدك الإلكتروني في Convene');
    rtl(verification.html);
    const reset = await renderPasswordReset({ locale: 'zh', displayName: '李', url: 'http://localhost:3000/r' });
    expect(reset.subject).toBe('重置您的 Convene 密码');
    expect(reset.text).toContain('李，您好：');
    expect(reset.html).toContain('<html lang="zh" dir="ltr"');
    const invitation = await renderInvitation({
      locale: 'ru',
      inviter: 'Ana',
      role: 'chair',
      space: { code: 'RT 1.1', title: 'Капитал' },
      url: 'http://localhost:3000/i',
    });
    expect(invitation.subject).toBe('[RT 1.1] Капитал — Приглашение к председательству');
    expect(invitation.text).toContain('Ana приглашает Вас стать председателем пространства «RT 1.1 — Капитал»');
  });

  it('render the reset email as HTML and text in the recipient’s language', async () => {
    const mail = await renderPasswordReset({
      locale: 'es',
      displayName: '</mj-text><mj-raw><script>x</script></mj-raw>',
      url: 'http://localhost:3000/reset-password#token=abc',
    });
    expect(mail.subject).toBe('Restablezca su contraseña de Convene');
    expect(mail.html).toContain('<html lang="es"');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="http://localhost:3000/reset-password#token=abc"');
    expect(mail.text).toContain('http://localhost:3000/reset-password#token=abc');
  });
});

describe('htmlText (the quote of a comment in an email)', () => {
  it('keeps paragraphs and list items, drops tags, decodes entities and cuts long text', () => {
    const html = '<p>One &amp; <strong>two</strong></p><ul><li>a&lt;b</li><li>c&#39;s</li></ul><p>x<br>y</p>';
    expect(htmlText(html)).toBe("One & two\n\n- a<b\n- c's\n\nx\ny");
    expect(htmlText(`<p>${'word '.repeat(100)}</p>`, 20)).toBe('word word word word…');
  });
});
