// The import endpoints: read a plan's text without saving (preview) or make a draft from it
// (or update a draft of the same document).
// The input is the uploaded file (multipart field "file") or the pasted text (JSON { text }).
import { api, unwrap, type ResponseOf } from '../../../api/client';
import type { DecisionDoc, ParseResult, PlanDocument, RecognisedLine } from '../../../../shared/plan-document';

export type ImportInput = { kind: 'file'; file: File } | { kind: 'text'; text: string };

/** What the text was read as: the plan, its kind, outline and legal bases, a decision that issues
 *  it, and the lines recognised as the document's form (Quốc hiệu, "Số:", "Căn cứ …", "Nơi nhận:"). */
export interface Preview extends ParseResult {
  sourceText: string;
  /** Each issuer: the registry's agency, or the agency the server proposes to add. */
  issuerMatches: ResponseOf<'/api/plans/import/preview', 'post'>['issuerMatches'];
}

export type ImportResult = ResponseOf<'/api/plans/import', 'post'>;

function body(input: ImportInput): FormData | { text: string } {
  if (input.kind === 'text') return { text: input.text };
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  return form;
}

// The routes read either a multipart file or JSON, which the OpenAPI spec does not describe,
// so the body is passed as is (openapi-fetch sends FormData untouched and objects as JSON).
export async function previewImport(input: ImportInput): Promise<Preview> {
  const result = await unwrap(api.POST('/api/plans/import/preview', { body: body(input) as never }));
  return {
    ...result,
    plan: result.plan as PlanDocument,
    decision: result.decision as DecisionDoc | null,
    recognised: result.recognised as RecognisedLine[],
  };
}

/** Makes a new draft, or updates the draft `replaceDraftId` with the document. */
export function createFromImport(input: ImportInput, replaceDraftId?: number): Promise<ImportResult> {
  return unwrap(
    api.POST('/api/plans/import', {
      params: { query: replaceDraftId ? { replaceDraftId } : {} },
      body: body(input) as never,
    }),
  );
}

export interface ExistingPlan {
  id: number;
  number: string;
  status: string;
  title: string;
  year: number;
}

/** Plans in the caller's scope that already carry the document's number (in its year, when it has a date). */
export async function plansWithNumber(number: string, year: number | null): Promise<ExistingPlan[]> {
  if (!number.trim()) return [];
  const { items } = await unwrap(
    api.GET('/api/plans', { params: { query: { q: number.slice(0, 100), limit: 20, ...(year ? { year } : {}) } } }),
  );
  return items.filter((p) => p.number === number);
}
