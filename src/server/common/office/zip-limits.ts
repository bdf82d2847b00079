// The limits of a zip-based upload (.xlsx, .docx), checked before any parser sees it. exceljs and
// mammoth (through JSZip) inflate whole entries into memory, so a 7 MB workbook whose sheet
// inflates to 1.4 GB took 3.8 GB and two at once ended the process. Here the zip is read with
// yauzl: the central directory first (entry count and declared sizes, refused before anything is
// inflated), then every entry inflated as a stream and thrown away, counting the bytes and checking
// each entry's CRC-32. yauzl stops an entry whose data inflates to more than its header declares
// (validateEntrySizes), so a header that lies is caught after at most the declared size, and the
// declared sizes together are at most `maxInflatedBytes`. Memory stays a few zlib buffers whatever
// the file; zlib inflates off the event loop. JSZip, which the parsers use, cannot do this: it
// trusts the declared sizes and gives them only through a private field.
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { badRequest, payloadTooLarge } from '../../http/errors';

export interface ZipLimits {
  /** Entries in the central directory (a workbook has ~15, a Word document with pictures a few hundred). */
  maxEntries: number;
  /** Bytes of all entries once inflated, declared and actual. */
  maxInflatedBytes: number;
}

const MB = 1024 * 1024;
export const ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxInflatedBytes: 32 * MB };

export interface ZipEntryInfo {
  name: string;
  /** Inflated bytes, as counted. */
  size: number;
}

const unreadable = (field: string) => badRequest(field, 'Tệp bị hỏng: không đọc được nội dung nén bên trong');

/**
 * Every entry of a zip upload within the limits, or a 4xx naming `field`: 413 beyond a limit, 400
 * for bytes that are not a readable zip (also an encrypted entry, a wrong CRC, a size that lies).
 */
export async function readZipEntries(data: Buffer, field: string, limits = ZIP_LIMITS): Promise<ZipEntryInfo[]> {
  const zip = await openZip(data).catch(() => {
    throw unreadable(field);
  });
  try {
    if (zip.entryCount > limits.maxEntries)
      throw payloadTooLarge(field, `Tệp nén có hơn ${limits.maxEntries} phần bên trong: không đọc`);
    const entries = await centralDirectory(zip, field);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > limits.maxInflatedBytes) throw tooLarge(field, limits);
    const infos: ZipEntryInfo[] = [];
    let inflated = 0;
    for (const entry of entries) {
      const size = await inflatedSize(zip, entry, field, limits.maxInflatedBytes - inflated, limits);
      inflated += size;
      infos.push({ name: entry.fileName, size });
    }
    return infos;
  } finally {
    zip.close();
  }
}

function tooLarge(field: string, limits: ZipLimits) {
  const mb = Math.round(limits.maxInflatedBytes / MB);
  return payloadTooLarge(field, `Tệp giải nén ra hơn ${mb} MB: quá lớn để đọc, hãy chia thành các tệp nhỏ hơn`);
}

function openZip(data: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

function centralDirectory(zip: yauzl.ZipFile, field: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(unreadable(field)));
    zip.readEntry();
  });
}

/** The entry inflated and counted; refused once it passes `budget` bytes or its CRC-32 is wrong. */
function inflatedSize(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  field: string,
  budget: number,
  limits: ZipLimits,
): Promise<number> {
  if (entry.fileName.endsWith('/')) return Promise.resolve(0);
  if (entry.isEncrypted()) return Promise.reject(unreadable(field));
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(unreadable(field));
      let size = 0;
      let crc = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        crc = zlib.crc32(chunk, crc);
        if (size > budget) {
          stream.destroy();
          reject(tooLarge(field, limits));
        }
      });
      stream.on('error', () => reject(unreadable(field)));
      stream.on('end', () => (crc >>> 0 === entry.crc32 >>> 0 ? resolve(size) : reject(unreadable(field))));
    });
  });
}
