// The module dependency graph, read from the import statements of src/server/modules/*/ (tests
// included): modules depend one way (no cycle) and a module's repo is imported only inside its own
// module. The graph is printed so that docs/ARCHITECTURE.md can be checked against it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = path.dirname(new URL(import.meta.url).pathname);
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

interface Edge {
  from: string;
  to: string;
  file: string;
  target: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every import from one module's folder into another's. */
function crossModuleImports(): Edge[] {
  const edges: Edge[] = [];
  for (const file of sourceFiles(MODULES)) {
    const rel = path.relative(MODULES, file);
    if (!rel.includes(path.sep)) continue; // modules/index.ts registers every module's routes
    const from = rel.split(path.sep)[0]!;
    for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.relative(MODULES, path.resolve(path.dirname(file), spec!));
      if (target.startsWith('..') || !target.includes(path.sep)) continue;
      const to = target.split(path.sep)[0]!;
      if (to !== from) edges.push({ from, to, file: rel, target });
    }
  }
  return edges;
}

function graphOf(edges: Edge[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!graph.has(e.from)) graph.set(e.from, new Set());
    graph.get(e.from)!.add(e.to);
  }
  return graph;
}

/** The cycles, as the strongly connected components with more than one module (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the module dependency graph', () => {
  const edges = crossModuleImports();
  const graph = graphOf(edges);

  it('has no cycle among the modules', () => {
    const lines = [...graph.keys()].sort().map((m) => `${m} -> ${[...graph.get(m)!].sort().join(', ')}`);
    process.stdout.write(`module dependencies (src/server/modules):\n  ${lines.join('\n  ')}\n`);
    const found = cycles(graph);
    const explain = found.map((c) =>
      edges
        .filter((e) => c.includes(e.from) && c.includes(e.to))
        .map((e) => `${e.file} -> ${e.target}`)
        .join('\n'),
    );
    expect(explain, 'modules that import each other').toEqual([]);
  });

  it("imports a module's repo only inside that module", () => {
    const repoImports = edges.filter((e) => /\.repo$/.test(e.target)).map((e) => `${e.file} -> ${e.target}`);
    expect(repoImports, "call the other module's service instead").toEqual([]);
  });
});
