import { describe, expect, it } from 'vitest';
import contentDisposition from 'content-disposition';
import { fileNamePart } from '../../shared/text';
import { attachment } from './download';

describe('download names', () => {
  it('keeps Vietnamese letters in filename* and takes only the marks off in the ASCII fallback', () => {
    const header = attachment('ke-hoach-12-KH-UBĐT-HLHPN.docx');
    expect(header).toBe(
      `attachment; filename="ke-hoach-12-KH-UBDT-HLHPN.docx"; filename*=UTF-8''ke-hoach-12-KH-UB%C4%90T-HLHPN.docx`,
    );
    // Read back by the same library's parser, as a client would: the UTF-8 name wins.
    expect(contentDisposition.parse(header).parameters).toEqual({ filename: 'ke-hoach-12-KH-UBĐT-HLHPN.docx' });
    const quoted = attachment('Báo cáo "quý IV" Điện Biên.xlsx');
    expect(quoted).toContain('filename="Bao cao _quy IV_ Dien Bien.xlsx"');
    expect(contentDisposition.parse(quoted).parameters.filename).toBe('Báo cáo "quý IV" Điện Biên.xlsx');
  });

  it('builds a file name part from a document number, letters kept', () => {
    expect(fileNamePart('12/KH-UBĐT-HLHPN')).toBe('12-KH-UBĐT-HLHPN');
    expect(fileNamePart(' 05/2026/QĐ-BDTTG ')).toBe('05-2026-QĐ-BDTTG');
  });
});
