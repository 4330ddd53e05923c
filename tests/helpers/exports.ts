import type { TestContext } from './app.js';

/** Rows of a raw SQL query against the test database. */
export const queryRows =
  (ctx: TestContext) =>
  async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
    (await ctx.db.pool.query(text, params)).rows as T[];

/** A small PDF attached to a comment (`awaitingRevision`: only for that pending edit); its id. */
export async function attachPdf(
  ctx: TestContext,
  commentId: string,
  uploaderId: string,
  filename: string,
  awaitingRevision: number | null = null,
): Promise<string> {
  const [row] = await queryRows(ctx)<{ id: string }>(
    `insert into attachments (comment_id, uploader_id, filename, content_type, size, sha256, data, awaiting_revision)
     values ($1, $2, $3, 'application/pdf', 4, 'x', '\\x25504446', $4) returning id`,
    [commentId, uploaderId, filename, awaitingRevision],
  );
  return row?.id ?? '';
}

/** XML text with its five entities decoded. */
export const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The paragraphs of a WordprocessingML part: style and visible text. */
export function wordParagraphs(xml: string): { style: string | null; text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
    xml: p,
  }));
}
