import { type CommentLanguage, type SpaceRole, registerRequest } from '@convene/shared';
import { eq, sql } from 'drizzle-orm';
import { ensureAdmin, registerUser } from '../../server/src/commands/users.js';
import {
  type Question,
  type Space,
  type User,
  commentRevisions,
  comments,
  questions,
  spaceRoles,
  spaces,
  users,
} from '../../server/src/db/schema/index.js';
import { renderMarkdown } from '../../server/src/markdown.js';
import { ensureTaxonomy } from '../../server/src/seed/taxonomy.js';
import { type TestClient, type TestContext, newAccount } from './app.js';

export interface Person {
  user: User;
  client: TestClient;
}

/**
 * A signed-in participant. By default the account is written with its address already verified (as
 * if the person had followed the emailed link), through the same registration command and request
 * schema as `POST /api/auth/register`, and signed in through `POST /api/auth/login`: no
 * verification email is ever queued for it, and its comments go to the moderation queue under the
 * default UNVERIFIED_COMMENTS=hold. `{ verified: false }` registers through the API, as a new
 * visitor does, leaving the address unverified and its verification email queued.
 */
export async function makeUser(
  ctx: TestContext,
  overrides: Record<string, unknown> = {},
  { verified = true }: { verified?: boolean } = {},
): Promise<Person> {
  const client = ctx.client();
  const account = newAccount(overrides);
  let id: string;
  if (verified) {
    const created = await registerUser(ctx.db.db, registerRequest.parse(account), 'user', true);
    id = created.id;
    const res = await client.post('/api/auth/login', { email: account.email, password: account.password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.raw}`);
  } else {
    const res = await client.post('/api/auth/register', account);
    if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.raw}`);
    id = String(res.body.user.id);
  }
  const [user] = await ctx.db.db.select().from(users).where(eq(users.id, id));
  if (!user) throw new Error('user missing');
  return { user, client };
}

/**
 * Test shortcut for "followed the verification link" for an account registered through the API or
 * the web form: marks its address verified in the database (what `confirmEmailToken` records) and
 * drops its verification email if that job has not run yet (if it has, the email is in the mailbox,
 * as it would be for a person who verified quickly). Tests of verification itself follow the link.
 */
export async function markVerified(ctx: { db: { db: TestContext['db']['db'] } }, userId: string): Promise<void> {
  await ctx.db.db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, userId));
  await ctx.db.db.execute(
    sql`delete from pgboss.job where name = 'email-verification' and data->>'userId' = ${userId} and state = 'created'`,
  );
}

let adminCounter = 0;
/** A signed-in administrator. */
export async function makeAdmin(ctx: TestContext): Promise<Person> {
  adminCounter += 1;
  const email = `admin${adminCounter}.${Math.random().toString(36).slice(2, 7)}@example.org`;
  const user = await ensureAdmin(ctx.db.db, email, 'admin password 123');
  const client = ctx.client();
  const res = await client.post('/api/auth/login', { email, password: 'admin password 123' });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.raw}`);
  return { user, client };
}

/**
 * An administrator's account, not signed in (to sign in through a form): written with
 * `ensureAdmin` as `<name>.<random>@example.org`; its address and password.
 */
export async function adminAccount(ctx: TestContext, name: string): Promise<{ email: string; password: string }> {
  const email = `${name}.${Math.random().toString(36).slice(2, 7)}@example.org`;
  const password = 'admin password 123';
  await ensureAdmin(ctx.db.db, email, password);
  return { email, password };
}

let spaceCounter = 0;
export interface SpaceOptions extends Partial<typeof spaces.$inferInsert> {
  questionCount?: number;
}

/** A space written straight to the database (open, pre-moderated, 3 questions by default). */
export async function makeSpace(
  ctx: TestContext,
  { questionCount = 3, ...overrides }: SpaceOptions = {},
): Promise<{ space: Space; questions: Question[] }> {
  spaceCounter += 1;
  const n = `${spaceCounter}-${Math.random().toString(36).slice(2, 6)}`;
  const background = overrides.backgroundMd ?? `Background of space ${n}.\n\nSecond paragraph.`;
  const [space] = await ctx.db.db
    .insert(spaces)
    .values({
      slug: `space-${n}`,
      code: `RT ${n}`,
      title: `Roundtable ${n}`,
      status: 'open',
      moderationMode: 'pre',
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 30 * 86_400_000),
      ...overrides,
      backgroundMd: background,
      backgroundHtml: renderMarkdown(background),
    })
    .returning();
  if (!space) throw new Error('space insert failed');
  const qs = questionCount
    ? await ctx.db.db
        .insert(questions)
        .values(
          Array.from({ length: questionCount }, (_, i) => ({
            spaceId: space.id,
            position: i + 1,
            text: `Question ${i + 1} of ${space.code}?`,
          })),
        )
        .returning()
    : [];
  return { space, questions: qs.sort((a, b) => a.position - b.position) };
}

export async function grantRole(ctx: TestContext, spaceId: string, userId: string, role: SpaceRole): Promise<void> {
  await ctx.db.db.insert(spaceRoles).values({ spaceId, userId, role }).onConflictDoNothing();
}

export async function withTaxonomy(ctx: TestContext): Promise<void> {
  await ensureTaxonomy(ctx.db.db);
}

/** Everyone the authorization rules distinguish, for one space. `author` has no comment yet. */
export interface Cast {
  anonymous: TestClient;
  participant: Person;
  author: Person;
  moderator: Person;
  chair: Person;
  admin: Person;
  otherModerator: Person;
}

export async function makeCast(ctx: TestContext, spaceId: string): Promise<Cast> {
  const [participant, author, moderator, chair, admin, otherModerator, other] = await Promise.all([
    makeUser(ctx, { displayName: 'Pat Participant', stakeholderCategory: 'civil_society' }),
    makeUser(ctx, { displayName: 'Ada Author', stakeholderCategory: 'member_state', country: 'MX' }),
    makeUser(ctx, { displayName: 'Mo Moderator', stakeholderCategory: 'un_system' }),
    makeUser(ctx, { displayName: 'Cha Chair', stakeholderCategory: 'member_state', country: 'PH' }),
    makeAdmin(ctx),
    makeUser(ctx, { displayName: 'Otto Othermod' }),
    makeSpace(ctx),
  ]);
  await grantRole(ctx, spaceId, moderator.user.id, 'moderator');
  await grantRole(ctx, spaceId, chair.user.id, 'chair');
  await grantRole(ctx, other.space.id, otherModerator.user.id, 'moderator');
  return { anonymous: ctx.client(), participant, author, moderator, chair, admin, otherModerator };
}

export const uuid = () => crypto.randomUUID();

/**
 * A comment written straight to the database (no events), for setting up a state quickly.
 * Tests of the comment routes themselves go through the API instead.
 */
export async function insertComment(
  ctx: TestContext,
  values: {
    spaceId: string;
    authorId: string;
    status?: 'pending' | 'approved' | 'rejected' | 'withdrawn';
    body?: string;
    questionId?: string | null;
    parentId?: string | null;
    language?: CommentLanguage;
    createdAt?: Date;
    reason?: string | null;
  },
) {
  const body = values.body ?? `A comment written at ${new Date().toISOString()} ${Math.random()}`;
  const [row] = await ctx.db.db
    .insert(comments)
    .values({
      spaceId: values.spaceId,
      authorId: values.authorId,
      questionId: values.questionId ?? null,
      parentId: values.parentId ?? null,
      clientId: crypto.randomUUID(),
      bodyMd: body,
      bodyHtml: renderMarkdown(body),
      language: values.language ?? 'en',
      status: values.status ?? 'pending',
      reason: values.reason ?? null,
      ...(values.createdAt ? { createdAt: values.createdAt } : {}),
    })
    .returning();
  if (!row) throw new Error('comment insert failed');
  await ctx.db.db.insert(commentRevisions).values({
    commentId: row.id,
    version: 1,
    bodyMd: row.bodyMd,
    bodyHtml: row.bodyHtml,
    language: row.language,
    status: row.status === 'approved' ? 'approved' : row.status === 'rejected' ? 'rejected' : 'pending',
  });
  return row;
}

/**
 * A new pre-moderated space, two moderators of it (named `moderators`) and a comment by a third
 * person (`author`: makeUser's overrides) on its first question, awaiting them: the set-up of two
 * moderators deciding on the same comment.
 */
export async function contestedComment(
  ctx: TestContext,
  {
    moderators: [firstName, secondName],
    author: authorOverrides = {},
    ...comment
  }: {
    moderators: [string, string];
    author?: Record<string, unknown>;
    body: string;
    language?: CommentLanguage;
    createdAt?: Date;
  },
) {
  const { space, questions } = await makeSpace(ctx, { moderationMode: 'pre' });
  const [first, second, author] = await Promise.all([
    makeUser(ctx, { displayName: firstName }),
    makeUser(ctx, { displayName: secondName }),
    makeUser(ctx, authorOverrides),
  ]);
  for (const m of [first, second]) await grantRole(ctx, space.id, m.user.id, 'moderator');
  const row = await insertComment(ctx, {
    spaceId: space.id,
    authorId: author.user.id,
    questionId: questions[0]?.id,
    ...comment,
  });
  return { space, questions, moderators: [first, second] as const, author, comment: row };
}
