// Every download's name (RFC 6266 Content-Disposition through the `content-disposition` package):
// the UTF-8 name as written ("ke-hoach-12-KH-UBĐT-HLHPN.docx", RFC 5987 `filename*`) and, for a
// client that reads only `filename`, the same name with the marks taken off the letters
// ("…-UBDT-…"), never letters dropped or turned into "?".
import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { withoutMarks } from '../../shared/text';

/** The header value for a file saved as `fileName`. */
export function attachment(fileName: string): string {
  const fallback = withoutMarks(fileName).replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return contentDisposition(fileName, { fallback });
}

/** A generated file sent as a download (exports, templates). */
export function sendDownload(reply: FastifyReply, type: string, fileName: string, body: Buffer) {
  return reply.type(type).header('content-disposition', attachment(fileName)).send(body);
}
