// The import endpoints: read a plan's text without saving (preview) or make a draft from it.
// The input is the uploaded file (multipart field "file") or the pasted text (JSON { text }).
import { api, unwrap, type ResponseOf } from '../../../api/client';
import type { PlanDocument, UnparsedLine } from '../../../../shared/plan-document';

export type ImportInput = { kind: 'file'; file: File } | { kind: 'text'; text: string };

export interface Preview {
  plan: PlanDocument;
  unparsed: UnparsedLine[];
  sourceText: string;
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
  return { ...result, plan: result.plan as PlanDocument };
}

export function createFromImport(input: ImportInput): Promise<ImportResult> {
  return unwrap(api.POST('/api/plans/import', { body: body(input) as never }));
}
