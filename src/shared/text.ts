// Vietnamese text folding for diacritic-insensitive search and name matching.
// NFD does not decompose đ/Đ, so it is mapped explicitly; tone-mark placement (Hòa/Hoà)
// disappears once all combining marks are removed.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** "Điện Biên" → "Dien Bien", "UBĐT" → "UBDT": the letters without their marks, case kept. */
export function withoutMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** "Điện Biên" → "dien bien"; "Hoà" and "Hòa" → "hoa". Also collapses white space. */
export function foldVietnamese(text: string): string {
  return withoutMarks(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * True when two names differ at most in tone-mark placement ("Hoà"/"Hòa", "Thuỷ"/"Thủy") or
 * letter case; vowel marks and Đ still count ("Hơn" ≠ "Hôn", "Đông" ≠ "Dông"). Used to join names
 * across sources that follow different tone-placement conventions.
 */
export function sameVietnameseName(a: string, b: string): boolean {
  return foldVietnamese(a) === foldVietnamese(b) && toneKey(a) === toneKey(b) && withoutTones(a) === withoutTones(b);
}

function withoutTones(text: string): string {
  return text.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function toneKey(text: string): string {
  // The tone marks in order, ignoring which vowel carries them.
  return (text.normalize('NFD').match(TONE_MARKS) ?? []).join('');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Vietnamese collation for sorting names and labels. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/** A file name part from a document's number or title, letters kept (http/download.ts): "12/KH-UBĐT-HLHPN" → "12-KH-UBĐT-HLHPN". */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A unit's full name inside a sentence, with its own type: "Tỉnh Lào Cai" → "tỉnh Lào Cai",
 * "Thành phố Hà Nội" → "thành phố Hà Nội" (never a generic "tỉnh, thành phố Hà Nội").
 */
export function unitInSentence(fullName: string): string {
  return fullName.charAt(0).toLocaleLowerCase('vi') + fullName.slice(1);
}
