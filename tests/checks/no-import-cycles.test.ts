import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No module imports itself through others: each room of the code can be read (and changed) from
 * its own imports down. Type-only imports are left out (they vanish at run time); dynamic
 * `import()` counts (a lazily loaded component that imports its importer is still a circle).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|test-d)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The relative imports of one file that exist at run time. */
function runtimeImports(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? 4 : 3);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      const onlyTypes =
        bindings !== undefined &&
        ts.isNamedImports(bindings) &&
        node.importClause?.name === undefined &&
        bindings.elements.length > 0 &&
        bindings.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found.filter((s) => s.startsWith('.'));
}

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  const stem = base.replace(/\.(js|jsx|ts|tsx)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Strongly connected components with more than one file (Tarjan), each a circle of imports. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        on.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) strong(v);
  return out;
}

const graphOf = (files: string[], read: (f: string) => string) =>
  new Map(
    files.map((f) => [
      f,
      runtimeImports(f, read(f))
        .map((s) => resolveImport(f, s))
        .filter((x): x is string => x !== null),
    ]),
  );

describe('no import circles', () => {
  for (const dir of ['server/src', 'web/src', 'shared/src']) {
    it(`in ${dir}`, () => {
      const files = sourceFiles(join(root, dir));
      expect(files.length).toBeGreaterThan(10);
      const found = cycles(graphOf(files, (f) => readFileSync(f, 'utf8'))).map((c) =>
        c.map((f) => relative(root, f)).join(' ↔ '),
      );
      expect(found).toEqual([]);
    });
  }

  it('finds a circle when there is one (so the checks above can fail)', () => {
    const texts: Record<string, string> = {
      '/v/a.ts': "import { b } from './b.js'; export const a = b;",
      '/v/b.tsx': "export const b = 1; export const lazy = () => import('./c');",
      '/v/c.ts': "import { a } from './a.js'; export const c = a;",
      '/v/d.ts': "import type { a } from './a.js'; import { type c } from './c.js'; export const d = 1;",
    };
    const files = Object.keys(texts);
    const graph = new Map(
      files.map((f) => [
        f,
        runtimeImports(f, texts[f] ?? '')
          .map((s) => files.find((g) => g.replace(/\.tsx?$/, '') === resolve(dirname(f), s).replace(/\.js$/, '')))
          .filter((x): x is string => x !== undefined),
      ]),
    );
    expect(graph.get('/v/d.ts')).toEqual([]);
    expect(cycles(graph)).toEqual([['/v/a.ts', '/v/b.tsx', '/v/c.ts']]);
  });
});
