import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { type Finding, findStatusFilters, serverProgram } from './statusFilters.js';

/**
 * What a viewer may see of the comments is decided in one place: server/src/policies/. A status
 * filter written anywhere else in the server is a second copy of the rule, which the next
 * feature (a cache, an email, a notification) would copy again. This check fails on one.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where comment statuses may be compared: the rules themselves, the schema's indexes, the demo content. */
const ALLOWED = [/^server\/src\/policies\//, /^server\/src\/db\/schema\//, /^server\/src\/seed\//, /\.test\.ts$/];

describe('comment-status filters live in the policy module only', () => {
  it('finds none elsewhere in the server', () => {
    const program = serverProgram(`${root}server/tsconfig.json`);
    const files = program
      .getSourceFiles()
      .filter((sf) => sf.fileName.startsWith(`${root}server/src/`))
      .filter((sf) => !ALLOWED.some((re) => re.test(sf.fileName.slice(root.length))));
    expect(files.length).toBeGreaterThan(50);
    const found = findStatusFilters(program, files, root);
    const report = found.map((f) => `${f.file}:${f.line} (${f.kind}) ${f.text}`);
    expect(report, 'use the helpers of server/src/policies/visibility.ts (or lifecycle.ts) instead').toEqual([]);
  });

  it('finds each kind of filter when one is written (so the check above can fail)', () => {
    const source = `
      type CommentStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';
      type QueueTab = 'pending' | 'reported' | 'rejected' | 'approved';
      declare const c: { status: CommentStatus };
      declare const maybe: { status: CommentStatus } | undefined;
      declare const tab: QueueTab;
      declare const comments: { status: unknown };
      declare function eq(a: unknown, b: unknown): unknown;
      declare function sql(s: TemplateStringsArray, ...v: unknown[]): unknown;
      export const a = c.status === 'approved';
      export const b = 'withdrawn' !== c.status;
      export const b2 = maybe?.status === 'approved';
      export function d() { switch (c.status) { case 'rejected': return 1; default: return 0; } }
      export const e = eq(comments.status, 'pending');
      export const f = sql\`select 1 from comments c where c.status = 'pending'\`;
      export const g = sql\`\${comments.status} in ('approved')\`;
      export const h = sql\`where r.status <> 'rejected' and \${1}\`;
      // Not status filters: another vocabulary that shares words, and a projection.
      export const notA = tab === 'approved';
      export const notB = { status: 'approved' };
      export const notC = sql\`select c.status from comments c\`;
    `;
    const file = '/virtual/planted.ts';
    const host = ts.createCompilerHost({ strict: true, noEmit: true });
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) =>
      name === file ? ts.createSourceFile(name, source, version, true) : original(name, version);
    host.fileExists = (name) => name === file || ts.sys.fileExists(name);
    const program = ts.createProgram({ rootNames: [file], options: { strict: true, noEmit: true }, host });
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error('planted file missing');
    const found: Finding[] = findStatusFilters(program, [sf], '/virtual');
    expect(found.map((f) => [f.kind, f.text.split('\n')[0]])).toEqual([
      ['comparison', "c.status === 'approved'"],
      ['comparison', "'withdrawn' !== c.status"],
      ['comparison', "maybe?.status === 'approved'"],
      ['comparison', "'rejected'"],
      ['drizzle', "eq(comments.status, 'pending')"],
      ['sql', "`select 1 from comments c where c.status = 'pending'`"],
      ['sql', "comments.status} in ('approved')`"],
      ['sql', "`where r.status <> 'rejected' and ${1}`"],
    ]);
  });
});
