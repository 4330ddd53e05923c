import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { logAdminAction } from '../../server/src/commands/adminLog.js';
import { type Person, makeAdmin, makeSpace, makeUser } from '../helpers/factories.js';
import { BROWSER_WAIT_MS, allowConsoleErrors, seriousViolations, setupBrowserTest } from '../helpers/browser.js';

/**
 * The administrative log on /admin: the affiliation actions (verified, focal point, domain) have
 * their labels, in English and Arabic; a change of status reads "Draft → Open" with the arrow
 * pointing from the old status to the new one, left to right in English and mirrored (pointing
 * left, the old status on the right) in Arabic.
 */
const { ctx, pageFor } = await setupBrowserTest();

let admin: Person;

async function logPage(locale: string) {
  const page = await pageFor(admin, locale);
  // /admin asks the moderation queue, which answers 403 to an administrator who moderates nothing.
  allowConsoleErrors(page, /status of 403 .*\/api\/moderation\/queue/);
  await page.goto('/admin');
  const table = page.locator('table.admin-log');
  await table.waitFor({ timeout: BROWSER_WAIT_MS });
  return { page, table };
}

/** The status change's old and new status and the arrow: their horizontal centres and the arrow's transform. */
async function change(table: Locator) {
  const row = table.locator('tr', { has: table.page().getByTestId('log-arrow') });
  const [from, to] = await row.locator('.admin-log-change bdi').all();
  if (!from || !to) throw new Error('no status change shown');
  const centre = async (l: Locator) => {
    const box = await l.boundingBox();
    if (!box) throw new Error('not laid out');
    return box.x + box.width / 2;
  };
  const arrow = row.getByTestId('log-arrow');
  return {
    from: { text: await from.innerText(), x: await centre(from) },
    to: { text: await to.innerText(), x: await centre(to) },
    arrow: { x: await centre(arrow), transform: await arrow.evaluate((e) => getComputedStyle(e).transform) },
    said: await row.locator('.admin-log-change').textContent(),
  };
}

describe('the administrative log page', () => {
  it('labels the affiliation actions and points the status arrow the way the page reads', async () => {
    admin = await makeAdmin(ctx);
    const delegate = await makeUser(ctx, { displayName: 'Amina Odhiambo', stakeholderCategory: 'member_state' });
    const { space } = await makeSpace(ctx, { title: 'Roundtable on remittances' });
    const db = ctx.db.db;
    await logAdminAction(db, {
      actor: admin.user,
      action: 'space_opened',
      space,
      data: { from: 'draft', to: 'open' },
    });
    await logAdminAction(db, {
      actor: admin.user,
      action: 'affiliation_verified',
      targetUser: delegate.user,
      data: { via: 'review', organisation: 'Ministry of Foreign Affairs of Kenya', country: 'KE' },
    });
    await logAdminAction(db, {
      actor: admin.user,
      action: 'focal_point_designated',
      targetUser: delegate.user,
      data: { country: 'KE' },
    });
    await logAdminAction(db, {
      actor: admin.user,
      action: 'domain_added',
      data: { domain: 'mfa.go.ke', organisation: 'Ministry of Foreign Affairs of Kenya' },
    });

    const en = await logPage('en');
    const text = await en.table.innerText();
    for (const label of ['Affiliation verified', 'Focal point designated', 'Organisation domain added', 'Space opened'])
      expect(text).toContain(label);
    expect(text).toContain('Amina Odhiambo · Ministry of Foreign Affairs of Kenya · Kenya');
    expect(text).toContain('mfa.go.ke');
    expect(text).not.toContain('log.actions');
    const ltr = await change(en.table);
    expect([ltr.from.text, ltr.to.text]).toEqual(['Draft', 'Open']);
    expect(ltr.from.x).toBeLessThan(ltr.arrow.x);
    expect(ltr.arrow.x).toBeLessThan(ltr.to.x);
    expect(ltr.arrow.transform).toBe('none');
    // A screen reader hears the change in words, not the arrow.
    expect(ltr.said?.replace(/\s+/g, ' ')).toContain('Draft → changed to Open');
    expect(await seriousViolations(en.page)).toEqual([]);
    await en.page.context().close();

    const ar = await logPage('ar');
    const arText = await ar.table.innerText();
    for (const label of ['توثيق انتماء', 'تعيين جهة تنسيق', 'إضافة نطاق منظمة', 'فتح فضاء'])
      expect(arText).toContain(label);
    expect(arText).toContain('كينيا');
    const rtl = await change(ar.table);
    // The old status on the right, the new one on the left, the arrow between them pointing left.
    expect(rtl.from.x).toBeGreaterThan(rtl.arrow.x);
    expect(rtl.arrow.x).toBeGreaterThan(rtl.to.x);
    expect(rtl.arrow.transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    expect(await seriousViolations(ar.page)).toEqual([]);
    await ar.page.context().close();
  });
});
