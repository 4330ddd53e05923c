import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import type { Database, Tx } from '../db/client.js';
import {
  comments,
  commentTags,
  moderationEvents,
  questions,
  spaceRoles,
  spaces,
  tags,
  users,
} from '../db/schema/index.js';
import { renderMarkdown } from '../markdown.js';
import { DEMO_COMMENTS, DEMO_SPACES, DEMO_USERS, type DemoSpace, type DemoUserKey } from './content.js';
import { ensureTaxonomy } from './taxonomy.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: string;
  displayName: string;
}

const DAY = 24 * 60 * 60 * 1000;

/** A readable random password: 4 groups of 5 base-36 characters. */
function generatePassword(): string {
  const chars = 'abcdefghijkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const out = [...bytes].map((b) => chars[b % chars.length]).join('');
  return out.match(/.{5}/g)?.join('-') ?? out;
}

/** True when the database holds no spaces and no users: the only state demo content loads into. */
export async function isEmpty(db: Database | Tx): Promise<boolean> {
  const { rows } = await db.execute<{ empty: boolean }>(
    sql`select not exists (select 1 from ${spaces}) and not exists (select 1 from ${users}) as empty`,
  );
  return rows[0]?.empty === true;
}

function roleLabel(key: DemoUserKey): string {
  if (key === 'admin') return 'admin';
  if (key.startsWith('moderator')) return 'moderator';
  if (key === 'chair') return 'chair';
  return 'participant';
}

/**
 * Loads the demo content in one transaction, only into an empty database (so it is safe to
 * run twice). Returns the generated accounts, or null when the database was not empty.
 */
export async function seedDemo(db: Database, now = new Date()): Promise<DemoAccount[] | null> {
  // Every start of a demo instance comes here: return before the costly hashing when there is
  // content already (checked again under the lock below, for instances starting together).
  if (!(await isEmpty(db))) return null;
  // Hash outside the transaction: it is the slow part.
  const passwords = new Map(DEMO_USERS.map((u) => [u.key, generatePassword()]));
  const hashes = new Map(
    await Promise.all(DEMO_USERS.map(async (u) => [u.key, await hashPassword(passwords.get(u.key) ?? '')] as const)),
  );

  return db.transaction(async (tx) => {
    // Serialise concurrent seeders (two instances starting at once).
    await tx.execute(sql`select pg_advisory_xact_lock(727465002)`);
    if (!(await isEmpty(tx))) return null;
    await ensureTaxonomy(tx);

    const userIds = new Map<DemoUserKey, string>();
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          email: u.email,
          passwordHash: hashes.get(u.key) ?? '',
          displayName: u.displayName,
          affiliation: u.affiliation,
          stakeholderCategory: u.stakeholderCategory,
          country: u.country,
          locale: u.locale,
          role: u.role,
          createdAt: new Date(now.getTime() - 30 * DAY),
          // Demo accounts count as verified: their addresses are made up.
          emailVerifiedAt: new Date(now.getTime() - 30 * DAY),
        })
        .returning({ id: users.id });
      if (row) userIds.set(u.key, row.id);
    }
    const uid = (key: DemoUserKey) => {
      const id = userIds.get(key);
      if (!id) throw new Error(`demo user ${key} missing`);
      return id;
    };

    const questionIds = new Map<string, string>(); // `${slug}#${position}` → id
    const spaceIds = new Map<string, string>();
    const insertSpace = async (s: DemoSpace, parentId: string | null, position: number) => {
      const [row] = await tx
        .insert(spaces)
        .values({
          slug: s.slug,
          code: s.code,
          title: s.title,
          parentId,
          position,
          summary: s.summary,
          backgroundMd: s.backgroundMd,
          backgroundHtml: renderMarkdown(s.backgroundMd, s.slug),
          status: s.status,
          opensAt: new Date(now.getTime() + s.opensInDays * DAY),
          closesAt: s.closesInDays === null ? null : new Date(now.getTime() + s.closesInDays * DAY),
          moderationMode: s.moderationMode,
          acceptedLanguages: s.acceptedLanguages,
          disclaimer: s.disclaimer,
          originalLanguage: 'en',
          translations: Object.fromEntries(
            Object.entries(s.translations ?? {}).map(([lang, t]) => [
              lang,
              {
                ...t,
                ...(t.backgroundMd ? { backgroundHtml: renderMarkdown(t.backgroundMd, `${s.slug}-${lang}`) } : {}),
              },
            ]),
          ),
          contactEmail: s.contactEmail,
          createdBy: uid('admin'),
        })
        .returning({ id: spaces.id });
      if (!row) throw new Error('space insert failed');
      spaceIds.set(s.slug, row.id);
      for (const [i, q] of s.questions.entries()) {
        const [qr] = await tx
          .insert(questions)
          .values({ spaceId: row.id, position: i + 1, text: q.text, translations: q.translations ?? {} })
          .returning({ id: questions.id });
        if (qr) questionIds.set(`${s.slug}#${i + 1}`, qr.id);
      }
      const roles = [
        ...s.moderators.map((k) => ({ userId: uid(k), role: 'moderator' as const })),
        ...s.chairs.map((k) => ({ userId: uid(k), role: 'chair' as const })),
      ];
      if (roles.length) {
        await tx.insert(spaceRoles).values(roles.map((r) => ({ ...r, spaceId: row.id, grantedBy: uid('admin') })));
      }
      for (const [i, child] of s.children.entries()) await insertSpace(child, row.id, i);
    };
    for (const [i, s] of DEMO_SPACES.entries()) await insertSpace(s, null, i);

    const tagRows = await tx.select({ id: tags.id, code: tags.code }).from(tags);
    const tagIds = new Map(tagRows.map((t) => [t.code, t.id]));
    const commentIds = new Map<string, string>();
    const moderatorOf = (slug: string) => {
      const space = [...DEMO_SPACES, ...DEMO_SPACES.flatMap((s) => s.children)].find((s) => s.slug === slug);
      return uid(space?.moderators[0] ?? 'admin');
    };

    for (const [i, c] of DEMO_COMMENTS.entries()) {
      const spaceId = spaceIds.get(c.spaceSlug);
      if (!spaceId) throw new Error(`demo comment ${c.key}: unknown space ${c.spaceSlug}`);
      // Spread the demo over the last days, oldest first, so lists and "new" markers look real.
      const createdAt = new Date(now.getTime() - (DEMO_COMMENTS.length - i) * 7 * 60 * 60 * 1000);
      const decided = c.status !== 'pending';
      const decidedAt = decided ? new Date(createdAt.getTime() + 2 * 60 * 60 * 1000) : null;
      const decidedBy = decided ? moderatorOf(c.spaceSlug) : null;
      const [row] = await tx
        .insert(comments)
        .values({
          spaceId,
          questionId:
            c.questionPosition === null ? null : (questionIds.get(`${c.spaceSlug}#${c.questionPosition}`) ?? null),
          parentId: c.parentKey ? (commentIds.get(c.parentKey) ?? null) : null,
          authorId: uid(c.author),
          clientId: crypto.randomUUID(),
          bodyMd: c.bodyMd,
          bodyHtml: renderMarkdown(c.bodyMd, c.key),
          language: c.language,
          status: c.status,
          createdAt,
          decidedAt,
          decidedBy,
          reason: c.reason ?? null,
          highlighted: c.highlighted ?? false,
          highlightedBy: c.highlighted ? uid('chair') : null,
          highlightedAt: c.highlighted ? decidedAt : null,
        })
        .returning({ id: comments.id });
      if (!row) throw new Error('comment insert failed');
      commentIds.set(c.key, row.id);
      const ids = c.tags.map((code) => tagIds.get(code)).filter((t): t is string => t !== undefined);
      if (ids.length) await tx.insert(commentTags).values(ids.map((tagId) => ({ commentId: row.id, tagId })));
      await tx.insert(moderationEvents).values([
        {
          spaceId,
          commentId: row.id,
          actorId: uid(c.author),
          action: 'submit' as const,
          toStatus: 'pending',
          createdAt,
        },
        ...(decided && decidedAt
          ? [
              {
                spaceId,
                commentId: row.id,
                actorId: decidedBy,
                action: c.status === 'approved' ? ('approve' as const) : ('reject' as const),
                fromStatus: 'pending',
                toStatus: c.status,
                reason: c.reason ?? null,
                createdAt: decidedAt,
              },
            ]
          : []),
        ...(c.highlighted && decidedAt
          ? [{ spaceId, commentId: row.id, actorId: uid('chair'), action: 'highlight' as const, createdAt: decidedAt }]
          : []),
      ]);
    }

    return DEMO_USERS.map((u) => ({
      email: u.email,
      password: passwords.get(u.key) ?? '',
      role: u.role === 'admin' ? 'admin' : roleLabel(u.key),
      displayName: u.displayName,
    }));
  });
}

export function formatAccounts(accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  const lines = accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(width)}  ${a.password}`);
  return [
    'Demo accounts (passwords are shown only this once):',
    `  ${'role'.padEnd(12)} ${'email'.padEnd(width)}  password`,
    ...lines,
  ].join('\n');
}
