// Zip bombs for the upload limit tests (common/office/): real .xlsx and .docx packages whose main
// part inflates to far more than the file's size, written by hand because no zip library writes a
// lying header. A repeated part is deflated once per 1 MB chunk with a full flush (which resets
// the compressor, so each chunk compresses to the same bytes) and the chunk's bytes repeated: a
// 1.4 GB sheet is a few MB of file, built in well under a second, never held inflated.
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';

export interface ZipPart {
  name: string;
  /** Raw deflate data. */
  deflated: Buffer;
  size: number;
  crc: number;
  /** The size written in the headers, when it lies. */
  declaredSize?: number;
}

const FLUSH = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };

export function part(name: string, content: string | Buffer): ZipPart {
  const data = Buffer.from(content);
  return { name, deflated: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) >>> 0 };
}

/** `head`, then `unit` repeated to about `bytes`, then `tail`. */
export function repeatedPart(name: string, head: string, unit: string, bytes: number, tail: string): ZipPart {
  const chunk = Buffer.from(unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length))));
  const count = Math.max(1, Math.round(bytes / chunk.length));
  const block = zlib.deflateRawSync(chunk, FLUSH);
  let crc = zlib.crc32(head);
  for (let i = 0; i < count; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tail, crc);
  const deflated = Buffer.concat([
    zlib.deflateRawSync(Buffer.from(head), FLUSH),
    ...Array<Buffer>(count).fill(block),
    zlib.deflateRawSync(Buffer.from(tail)),
  ]);
  return { name, deflated, size: head.length + count * chunk.length + tail.length, crc: crc >>> 0 };
}

/** A zip of deflated parts (sizes as declared, or as true). */
export function zipOf(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a real package, `replace` swapping some of them. */
async function repack(original: Buffer, replace: Record<string, ZipPart>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(original);
  const parts: ZipPart[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    parts.push(replace[name] ?? part(name, await zip.files[name]!.async('nodebuffer')));
  }
  return zipOf(parts);
}

export interface BombOptions {
  /** Bytes the main part inflates to. */
  inflatedBytes: number;
  /** The size its headers declare (a lie), instead of the true one. */
  declaredSize?: number;
}

const SHEET = 'xl/worksheets/sheet1.xml';

/** A workbook (written by exceljs) whose one sheet is a row of `inflatedBytes` of numeric cells. */
export async function xlsxBomb(options: BombOptions): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Bản ghi').addRow(['x']);
  const original = Buffer.from(await book.xlsx.writeBuffer());
  const sheet = (await JSZip.loadAsync(original)).file(SHEET)!;
  const xml = await sheet.async('string');
  const head = xml.slice(0, xml.indexOf('<sheetData>')) + '<sheetData><row r="1">';
  const bomb = repeatedPart(
    SHEET,
    head,
    '<c r="A1"><v>1</v></c>',
    options.inflatedBytes,
    '</row></sheetData></worksheet>',
  );
  return repack(original, { [SHEET]: { ...bomb, declaredSize: options.declaredSize } });
}

/**
 * A workbook of about `bytes` of distinct cells (rows of five texts and five numbers): no bomb,
 * but with more cells than a small heap holds once parsed.
 */
export async function largeWorkbook(bytes: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Bản ghi').addRow(['x']);
  const original = Buffer.from(await book.xlsx.writeBuffer());
  const xml = await (await JSZip.loadAsync(original)).file(SHEET)!.async('string');
  const rows: string[] = [];
  let length = 0;
  while (length < bytes) {
    const r = rows.length + 1;
    const cells = [...'ABCDEFGHIJ'].map((col, i) =>
      i % 2
        ? `<c r="${col}${r}"><v>${r * 7 + i}</v></c>`
        : `<c r="${col}${r}" t="inlineStr"><is><t>Tập huấn ${r}-${i}</t></is></c>`,
    );
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
    length += rows.at(-1)!.length;
  }
  const sheet = xml.slice(0, xml.indexOf('<sheetData>')) + `<sheetData>${rows.join('')}</sheetData></worksheet>`;
  return repack(original, { [SHEET]: part(SHEET, sheet) });
}

const DOCUMENT = 'word/document.xml';

/** A Word document (written by docx) whose body is `inflatedBytes` of one-word paragraphs. */
export async function docxBomb(options: BombOptions): Promise<Buffer> {
  const original = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] }));
  const xml = await (await JSZip.loadAsync(original)).file(DOCUMENT)!.async('string');
  const head = xml.slice(0, xml.indexOf('<w:body>') + '<w:body>'.length);
  const unit = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
  const bomb = repeatedPart(DOCUMENT, head, unit, options.inflatedBytes, '</w:body></w:document>');
  return repack(original, { [DOCUMENT]: { ...bomb, declaredSize: options.declaredSize } });
}

/** Peak resident memory of this process (its worker threads included) while `work` runs. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await work();
    return { result, peakRss: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}
