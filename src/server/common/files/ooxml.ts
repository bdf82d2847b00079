// Enough of the zip format to tell an Office Open XML package (.docx, .xlsx) from any other zip:
// the names in its central directory. Nothing is decompressed.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

/** The entry names of a zip, or undefined when `data` is not a readable zip. */
export function zipEntryNames(data: Buffer): string[] | undefined {
  const fixed = 22;
  const lowest = Math.max(0, data.length - fixed - 0xffff);
  for (let at = data.length - fixed; at >= lowest; at--) {
    if (data.readUInt32LE(at) !== END_OF_DIRECTORY) continue;
    const count = data.readUInt16LE(at + 10);
    const size = data.readUInt32LE(at + 12);
    let offset = data.readUInt32LE(at + 16);
    if (offset + size > at) return undefined;
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      if (offset + 46 > at || data.readUInt32LE(offset) !== DIRECTORY_ENTRY) return undefined;
      const nameLength = data.readUInt16LE(offset + 28);
      const extraLength = data.readUInt16LE(offset + 30);
      const commentLength = data.readUInt16LE(offset + 32);
      names.push(data.toString('utf8', offset + 46, offset + 46 + nameLength));
      offset += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return undefined;
}

const MAIN_PART = { docx: 'word/document.xml', xlsx: 'xl/workbook.xml' } as const;

/** A zip holding `[Content_Types].xml` and the main part of a Word document or Excel workbook. */
export function isOoxmlPackage(data: Buffer, kind: keyof typeof MAIN_PART): boolean {
  const names = zipEntryNames(data);
  return names !== undefined && names.includes('[Content_Types].xml') && names.includes(MAIN_PART[kind]);
}
