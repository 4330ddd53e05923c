import { PassThrough } from 'node:stream';
import { BuilderElement, ConcreteNumbering, type File, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { type Block, markdownToDocx } from '../../server/src/exports/docx-markdown.js';
import { StreamedDocx } from '../../server/src/exports/docx-stream.js';
import { link, listCounter, newDocument, statsTable } from '../../server/src/exports/docx.js';

/** Markdown with everything the Word export turns into Word: footnotes, lists, links, tables, quotes, code. */
const SAMPLE = [
  '# A heading',
  'Some **bold**, *italic*, ~~struck~~ and `code` text with a [link](https://example.org/a?b=1&c=2) and a note.[^1]',
  '3. third\n4. fourth\n   - nested bullet\n   - another',
  '1. again from one\n2. two',
  '> A quotation\n> on two lines',
  '| Head | Count |\n|---|---|\n| Row <one> & "two" | 2 |',
  '```\ncode line 1\ncode line 2\n```',
  '---',
  '[^1]: The note, with [a link](https://example.org/note).',
].join('\n\n');

/** The same blocks each time they are asked for (the library changes blocks as it writes them). */
function blocks(): Block[] {
  const ctx = listCounter();
  const out: Block[] = [new Paragraph({ text: 'RT 1.1 — Title', heading: HeadingLevel.TITLE })];
  for (let i = 0; i < 3; i++) {
    out.push(
      new Paragraph({
        children: [
          new TextRun({ text: `Contribution ${i}`, bold: true }),
          link('permalink', `https://example.org/c/${i}`),
        ],
      }),
    );
    out.push(...markdownToDocx(SAMPLE, ctx, { language: 'fr-FR', indent: 567 * (i % 2) }));
  }
  out.push(
    ...markdownToDocx('مساهمة باللغة العربية مع حاشية.[^1]\n\n[^1]: حاشية.', ctx, {
      language: 'ar-SA',
      rightToLeft: true,
    }),
  );
  out.push(
    statsTable({
      head: ['Category', 'Contributions'],
      rows: [
        ['Member States', 12],
        ['Youth', 3],
      ],
    }),
  );
  return out;
}

/** The package's files as text, relationship ids (random per run) numbered in order of appearance, times left out. */
function files(zip: Uint8Array): Map<string, string> {
  const ids = new Map<string, string>();
  const normal = (s: string) =>
    s
      // The package's creation time, which is when each was made.
      .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, 'T')
      .replace(/rId[0-9A-Za-z_-]{6,}/g, (id) => {
        const known = ids.get(id) ?? `rId#${ids.size}`;
        ids.set(id, known);
        return known;
      });
  const entries = unzipSync(zip);
  return new Map(
    Object.entries(entries)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([n, data]) => [n, normal(strFromU8(data))]),
  );
}

/** What the document still holds of the lists, links and footnotes written along the way, as the library's objects. */
function kept(file: File) {
  const numbering = (file.Numbering as unknown as { concreteNumberingMap: Map<string, unknown> }).concreteNumberingMap;
  const objects = (root: unknown[]) => root.filter((e) => e instanceof BuilderElement).length;
  return {
    lists: [...numbering.values()].filter((n) => n instanceof ConcreteNumbering).length,
    bodyLinks: objects((file.Document.Relationships as unknown as { root: unknown[] }).root),
    noteLinks: objects((file.FootNotes.Relationships as unknown as { root: unknown[] }).root),
    notes: (file.FootNotes.View as unknown as { root: unknown[] }).root.length,
  };
}

async function streamed(lang: 'en' | 'ar'): Promise<Uint8Array> {
  const file = newDocument('RT 1.1 — Title', [], lang);
  const before = kept(file);
  const doc = new StreamedDocx(file, newDocument('RT 1.1 — Title', [], lang));
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  async function* body() {
    for (const b of blocks()) yield doc.xml(b);
  }
  await doc.write(out, new Date('2026-11-22T10:00:00Z'), body());
  // Written along the way and let go: the document holds no more of them than it started with.
  expect(kept(file)).toEqual(before);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('Word export written in parts', () => {
  it.each(['en', 'ar'] as const)('gives the same package as the library building it whole (%s)', async (lang) => {
    const whole = files(await Packer.toBuffer(newDocument('RT 1.1 — Title', blocks(), lang)));
    const parts = files(await streamed(lang));
    expect([...parts.keys()]).toEqual([...whole.keys()]);
    for (const [name, text] of whole) expect({ name, text: parts.get(name) }).toEqual({ name, text });
    // What the comparison covers: footnotes, a list numbered from 3, links in the body and in a note.
    const document = parts.get('word/document.xml') ?? '';
    expect(document).toContain('<w:footnoteReference w:id="1"/>');
    expect(document).toContain('<w:lang w:val="fr-FR"/>');
    expect(document).toMatch(/<w:numId w:val="\d+"\/>/);
    expect(document).not.toMatch(/\{md-ordered/);
    expect(parts.get('word/footnotes.xml')).toContain('The note, with ');
    expect(parts.get('word/_rels/document.xml.rels')).toContain('https://example.org/c/2');
    expect(parts.get('word/numbering.xml')).toContain('<w:start w:val="3"/>');
    expect(parts.get('word/_rels/footnotes.xml.rels')).toContain('https://example.org/note');
    // The default bullets' list instance and the markdown lists' (written along the way) after it.
    expect(parts.get('word/numbering.xml')?.match(/<w:num /g)?.length).toBeGreaterThan(1);
  });
});
