/**
 * Finds comment-status filters and comparisons written outside the policy module, so the rule of
 * what a viewer may see stays in one place (server/src/policies/visibility.ts, with how a status
 * changes in lifecycle.ts and who may act in index.ts).
 *
 * Three kinds are found, with the TypeScript compiler (types, not text, for the comparisons):
 * - a comparison (`===`, `!==`, `==`, `!=`, or a `case` of a `switch`) between a status literal
 *   ('approved', 'pending', 'rejected', 'withdrawn') and a value whose type is a comment or
 *   revision status (a union of those literals) — `c.status === 'approved'`;
 * - a drizzle condition on a status column — `eq(comments.status, …)`, `ne`, `inArray`,
 *   `notInArray` on `comments.status` or `commentRevisions.status`;
 * - SQL text comparing a status column with a status literal — `c.status = 'pending'`,
 *   `${comments.status} in ('pending', …)`.
 */
import { relative } from 'node:path';
import ts from 'typescript';

export const STATUSES: ReadonlySet<string> = new Set(['approved', 'pending', 'rejected', 'withdrawn']);
const DRIZZLE_CONDITIONS = new Set(['eq', 'ne', 'inArray', 'notInArray']);
const STATUS_TABLES = new Set(['comments', 'commentRevisions']);
/** `status = 'x'`, `status <> 'x'`, `status in ('x'`, in SQL text. */
const SQL_FILTER = /\bstatus\s*(?:=|<>|!=|\bnot\s+in\b|\bin\b)\s*\(?\s*'(approved|pending|rejected|withdrawn)'/i;
/** The text right after `${comments.status}` when it is compared in SQL. */
const SQL_AFTER_COLUMN = /^\s*(?:=|<>|!=|\bnot\s+in\b|\bin\b)/i;

export interface Finding {
  file: string;
  line: number;
  text: string;
  kind: 'comparison' | 'drizzle' | 'sql';
}

/** Whether a type is a status: string literals, all of them comment/revision statuses. */
function isStatusType(type: ts.Type): boolean {
  // `row?.status` is a status or undefined: still a status comparison.
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
  );
  return parts.length > 0 && parts.every((t) => t.isStringLiteral() && STATUSES.has(t.value));
}

const isStatusLiteral = (node: ts.Node): boolean =>
  (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && STATUSES.has(node.text);

const isStatusColumn = (node: ts.Node): boolean =>
  ts.isPropertyAccessExpression(node) &&
  node.name.text === 'status' &&
  ts.isIdentifier(node.expression) &&
  STATUS_TABLES.has(node.expression.text);

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Every finding in the given source files of a program. */
export function findStatusFilters(program: ts.Program, files: readonly ts.SourceFile[], root: string): Finding[] {
  const checker = program.getTypeChecker();
  const found: Finding[] = [];
  for (const sf of files) {
    const add = (node: ts.Node, kind: Finding['kind']) => {
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
      found.push({ file: relative(root, sf.fileName), line: line + 1, text: node.getText(sf).slice(0, 120), kind });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && EQUALITY.has(node.operatorToken.kind)) {
        const [literal, other] = isStatusLiteral(node.right)
          ? [node.right, node.left]
          : isStatusLiteral(node.left)
            ? [node.left, node.right]
            : [null, null];
        if (literal && other && isStatusType(checker.getTypeAtLocation(other))) add(node, 'comparison');
      } else if (ts.isCaseClause(node) && isStatusLiteral(node.expression)) {
        const subject = node.parent.parent.expression;
        if (isStatusType(checker.getTypeAtLocation(subject))) add(node.expression, 'comparison');
      } else if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : '';
        const first = node.arguments[0];
        if (DRIZZLE_CONDITIONS.has(name) && first && isStatusColumn(first)) add(node, 'drizzle');
      } else if (ts.isTemplateExpression(node)) {
        if (SQL_FILTER.test(node.head.text)) add(node, 'sql');
        node.templateSpans.forEach((span) => {
          if (SQL_FILTER.test(span.literal.text)) add(span, 'sql');
          else if (isStatusColumn(span.expression) && SQL_AFTER_COLUMN.test(span.literal.text)) add(span, 'sql');
        });
      } else if ((ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) && SQL_FILTER.test(node.text)) {
        add(node, 'sql');
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

/** The server's program, as `tsc -b server` sees it. */
export function serverProgram(tsconfigPath: string): ts.Program {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    tsconfigPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${tsconfigPath}`);
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}
