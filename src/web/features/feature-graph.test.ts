// The web's import rule, read from the import statements (stylesheets included) of src/web: a
// feature folder (src/web/features/<name>/) imports no other feature (not its pages, its lib/ or
// pickers/ folders, nor its CSS): what two features share lives in src/web/components,
// src/web/lib or src/web/styles. Those shared folders import nothing from features/ (only the
// router, App.tsx and sections.tsx, names the feature pages).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = path.dirname(new URL(import.meta.url).pathname);
const WEB = path.dirname(FEATURES);
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * Feature → feature imports still allowed, each `from → to` with its reason. Empty: none is left.
 */
const ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(tsx?|css)$/.test(e.name) ? [full] : [];
  });
}

/** CSS @import is read as well as TS imports. */
const CSS_IMPORT = /@import\s+['"](\.{1,2}\/[^'"]+)['"]/g;

function importsOf(file: string): { spec: string; target: string }[] {
  const text = fs.readFileSync(file, 'utf8');
  const pattern = file.endsWith('.css') ? CSS_IMPORT : IMPORT;
  return [...text.matchAll(pattern)].map(([, spec]) => ({
    spec: spec!,
    target: path.relative(WEB, path.resolve(path.dirname(file), spec!)),
  }));
}

const featureOf = (relToWeb: string): string | undefined => {
  const parts = relToWeb.split(path.sep);
  return parts[0] === 'features' && parts.length > 2 ? parts[1] : undefined;
};

describe('web import rule', () => {
  it('no feature imports another feature (its pages, lib/, pickers/ or CSS)', () => {
    const found: string[] = [];
    for (const file of sourceFiles(FEATURES)) {
      const rel = path.relative(WEB, file);
      const from = featureOf(rel);
      if (!from) continue;
      for (const { target } of importsOf(file)) {
        const to = featureOf(target);
        if (to && to !== from && !ALLOWED[`${from} → ${to}`]) found.push(`${rel} imports ${target}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('components and lib import nothing from features/', () => {
    const found: string[] = [];
    for (const dir of ['components', 'lib', 'styles']) {
      for (const file of sourceFiles(path.join(WEB, dir))) {
        for (const { target } of importsOf(file)) {
          if (target.split(path.sep)[0] === 'features') found.push(`${path.relative(WEB, file)} imports ${target}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('reads the imports it checks (a relative TS import and a stylesheet)', () => {
    const targets = importsOf(path.join(FEATURES, 'missions', 'MissionFormPage.tsx')).map((i) => i.target);
    expect(targets).toContain(path.join('components', 'pickers', 'AgencySelect'));
    expect(targets).toContain(path.join('features', 'missions', 'monitoring.css'));
    const css = importsOf(path.join(FEATURES, 'missions', 'monitoring.css')).map((i) => i.target);
    expect(css).toEqual([path.join('styles', 'monitoring.css')]);
  });

  it('lists only allowed imports that still exist', () => {
    const edges = new Set<string>();
    for (const file of sourceFiles(FEATURES)) {
      const from = featureOf(path.relative(WEB, file));
      for (const { target } of importsOf(file)) {
        const to = featureOf(target);
        if (from && to && to !== from) edges.add(`${from} → ${to}`);
      }
    }
    expect(Object.keys(ALLOWED).filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
