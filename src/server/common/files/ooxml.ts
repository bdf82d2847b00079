// Tells an Office Open XML package (.docx, .xlsx) from any other zip by the names in its central
// directory, read with JSZip (the zip reader exceljs and mammoth already use). Nothing is inflated.
import JSZip from 'jszip';

/** The entry names of a zip, or undefined when `data` is not a readable zip. */
export async function zipEntryNames(data: Buffer): Promise<string[] | undefined> {
  try {
    const zip = await JSZip.loadAsync(data, { checkCRC32: false });
    return Object.keys(zip.files);
  } catch {
    return undefined;
  }
}

const MAIN_PART = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' } as const;

/** A zip holding `[Content_Types].xml` and the main part of a Word document or Excel workbook. */
export async function isOoxmlPackage(data: Buffer, kind: keyof typeof MAIN_PART): Promise<boolean> {
  const names = await zipEntryNames(data);
  return names !== undefined && names.includes('[Content_Types].xml') && names.includes(MAIN_PART[kind]);
}
