// Tells an Office Open XML package (.docx, .xlsx) from any other zip by the names in its central
// directory (read by zip-limits.ts within its limits). The package is then opened by its parser
// (office-reader.ts) before it is accepted.

const MAIN_PART = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' } as const;

export type OoxmlKind = keyof typeof MAIN_PART;

/** Entry names holding `[Content_Types].xml` and the main part of a Word document or Excel workbook. */
export function isOoxmlPackage(names: string[], kind: OoxmlKind): boolean {
  return names.includes('[Content_Types].xml') && names.includes(MAIN_PART[kind]);
}
