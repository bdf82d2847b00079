// The corpus of real documents (fixtures/corpus, provenance in its SOURCES.md) and the plan
// fixtures: each golden file (fixtures/corpus/*.golden.json) was written by reading the document,
// not from the parser; and no word of any fixture is lost between the structure and the lines
// reported as unparsed or recorded as boilerplate. Each corpus text also has a .docx made from it by
// LibreOffice (SOURCES.md says how), read as an uploaded .docx is (docxToText): it must give the same.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../shared/plan-document';
import { parsePlanText } from './plan-text-parser';
import { docxToText } from './docx-to-text';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusDir = path.join(here, 'fixtures/corpus');
const corpus = fs
  .readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const plans = fs
  .readdirSync(path.join(here, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** A corpus file without its two provenance lines ("# Source:", "# Kind:"), which are not the document. */
function corpusText(file: string): string {
  const lines = fs.readFileSync(path.join(corpusDir, file), 'utf8').split('\n');
  expect(lines[0]).toMatch(/^# Source:/);
  expect(lines[1]).toMatch(/^# Kind:/);
  return lines.slice(2).join('\n');
}

const words = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .match(/\p{L}+/gu) ?? [];
/** The input's words, without list letters ("a)", "b.") that mark items rather than say anything. */
const inputWords = (text: string): string[] => words(text.replace(/^([\s*#>|-]*)[a-zđ][.)](?=\s)/gmu, '$1'));

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Input words (with their counts) that neither the structure nor the reported lines hold. */
function lostWords(text: string, result: ParseResult): string[] {
  const kept = new Map<string, number>();
  const held = [
    ...strings(result.plan),
    ...strings(result.decision),
    ...result.outline,
    ...result.legalBases,
    ...result.unparsed.map((u) => u.text),
    ...result.recognised.map((r) => r.text),
  ];
  for (const w of held.flatMap(words)) kept.set(w, (kept.get(w) ?? 0) + 1);
  const lost: string[] = [];
  for (const w of inputWords(text)) {
    const n = kept.get(w) ?? 0;
    if (n === 0) lost.push(w);
    else kept.set(w, n - 1);
  }
  return lost;
}

interface Golden {
  $comment?: string;
  file: string;
  kind: string;
  number: string;
  issuedOn: string | null;
  place: string;
  issuers: string[];
  documentType: string;
  title: string;
  outline: string[];
  signers: { authority: string; position: string; signer: string }[];
  decision: { number: string; title: string; authority: string; articles: number } | null;
}

const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Reading a .docx runs in the office worker, under the limits of common/office; slow on a busy machine. */
const DOCX_TIMEOUT = 30_000;

/** The .docx LibreOffice made of a corpus text, as the import reads an upload (read once per file). */
const docxTexts = new Map<string, Promise<string>>();
function docxText(file: string): Promise<string> {
  if (!docxTexts.has(file))
    docxTexts.set(file, docxToText(fs.readFileSync(path.join(corpusDir, file.replace(/\.txt$/, '.docx')))));
  return docxTexts.get(file)!;
}

/** What the golden files record, read from a parse. */
function observed(result: ParseResult) {
  const { plan } = result;
  return {
    kind: result.kind,
    number: plan.number,
    issuedOn: plan.issuedOn,
    place: plan.place,
    issuers: plan.issuers,
    documentType: plan.documentType,
    title: spaced(plan.title),
    outline: result.outline.map(spaced),
    signers: plan.signatures
      .filter((x) => x.signer)
      .map(({ authority, position, signer }) => ({ authority, position, signer })),
    decision: result.decision && {
      number: result.decision.number,
      title: spaced(result.decision.title),
      authority: result.decision.authority,
      articles: result.decision.articles.length,
    },
  };
}

function expected(golden: Golden) {
  const { file: _file, $comment: _comment, ...rest } = golden;
  return rest;
}

describe('each corpus document reads as a careful clerk read it (fixtures/corpus/*.golden.json)', () => {
  const goldens = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.golden.json'));
  it('has a golden file and a .docx for every corpus document', () => {
    expect(goldens.map((f) => f.replace('.golden.json', '.txt')).sort()).toEqual(corpus);
    const docx = fs.readdirSync(corpusDir).filter((f) => f.endsWith('.docx'));
    expect(docx.map((f) => f.replace('.docx', '.txt')).sort()).toEqual(corpus);
  });
  for (const goldenFile of goldens.sort()) {
    const golden = JSON.parse(fs.readFileSync(path.join(corpusDir, goldenFile), 'utf8')) as Golden;
    it(golden.file, () => {
      expect(observed(parsePlanText(corpusText(golden.file)))).toEqual(expected(golden));
    });
    it(
      `${golden.file} as .docx: the same golden, and the same plan and unparsed lines as the text`,
      async () => {
        const fromDocx = parsePlanText(await docxText(golden.file));
        expect(observed(fromDocx)).toEqual(expected(golden));
        const fromText = parsePlanText(corpusText(golden.file));
        expect(fromDocx.plan).toEqual(fromText.plan);
        expect(fromDocx.unparsed.map((u) => u.text)).toEqual(fromText.unparsed.map((u) => u.text));
      },
      DOCX_TIMEOUT,
    );
  }
});

describe('nothing lost: every word of every fixture is in the structure or in the reported lines', () => {
  for (const file of corpus) {
    it(`corpus/${file}`, () => {
      const text = corpusText(file);
      expect(lostWords(text, parsePlanText(text))).toEqual([]);
    });
  }
  for (const file of plans) {
    it(file, () => {
      const text = fs.readFileSync(path.join(here, 'fixtures', file), 'utf8');
      expect(lostWords(text, parsePlanText(text))).toEqual([]);
    });
  }
  for (const file of corpus) {
    it(
      `corpus/${file} as .docx: the .docx holds the text's words, and none is lost`,
      async () => {
        const text = await docxText(file);
        expect(inputWords(text)).toEqual(inputWords(corpusText(file)));
        expect(lostWords(text, parsePlanText(text))).toEqual([]);
      },
      DOCX_TIMEOUT,
    );
  }
  it('catches a lost word (the check can fail)', () => {
    const result = parsePlanText('KẾ HOẠCH\nTập huấn');
    expect(lostWords('KẾ HOẠCH\nTập huấn\nbiến mất', result)).toEqual(['biến', 'mất']);
  });
});
