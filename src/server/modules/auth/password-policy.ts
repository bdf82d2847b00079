// The rules a new password must pass (OWASP ASVS 5.0 V6.2): at least 8 characters, up to 200, any
// characters, no composition rules; not one of the common or breached passwords of zxcvbn-ts's
// maintained list (@zxcvbn-ts/language-common, about 50,000), nor built on the account's own name,
// its province or this system's words; and not so guessable that zxcvbn scores it below 2
// (repeats like "aaaaaaaa", sequences like "12345678", keyboard rows). Checked when an account is
// created, when an administrator resets a password and when a user changes their own.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { foldVietnamese } from '../../../shared/text';
import { badRequest } from '../../http/errors';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's 0–4 score; 2: more than a million guesses, beyond an online attack that is throttled. */
const MIN_SCORE = 2;
/** Context words (ASVS 6.2.11): this system's name and words anyone would try first on it. */
const SYSTEM_WORDS = ['phoihop', 'phoi hop', 'matkhau', 'mat khau', 'vietnam', 'viet nam', 'dantoc', 'hoiphunu'];

let factory: ZxcvbnFactory | undefined;
/** Built at first use: the ranked dictionaries take a moment, which a start should not wait for. */
const zxcvbn = () =>
  (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, useLevenshteinDistance: true }));

/** Who the password is for: their own names, and words of their place (province names). */
export interface PasswordOwner {
  username: string;
  displayName: string;
  email?: string | null;
  words?: string[];
}

const squash = (text: string) => foldVietnamese(text).replace(/[^a-z0-9]/g, '');

function ownerWords(owner: PasswordOwner): string[] {
  const names = [owner.username, owner.displayName, owner.email?.split('@')[0] ?? '', ...(owner.words ?? [])];
  const words = names.flatMap((name) => [
    name,
    foldVietnamese(name),
    squash(name),
    ...foldVietnamese(name).split(/\W+/),
  ]);
  return [...new Set([...words, ...SYSTEM_WORDS].filter((w) => w.length >= 3))];
}

function weakness(result: ZxcvbnResult): string {
  const patterns = result.sequence.map((m) =>
    m.pattern === 'dictionary' ? `dictionary:${m.dictionaryName}` : m.pattern,
  );
  if (patterns.includes('dictionary:passwords-common')) return 'nằm trong danh sách mật khẩu phổ biến hoặc đã bị lộ';
  if (patterns.includes('dictionary:userInputs')) return 'dựa trên tên, tên đăng nhập, tên tỉnh hoặc tên hệ thống';
  if (patterns.includes('repeat')) return 'lặp lại ký tự hoặc cụm ký tự';
  if (patterns.includes('sequence')) return 'là dãy ký tự liên tiếp (như 1234 hoặc abcd)';
  if (patterns.includes('spatial')) return 'là các phím liền nhau trên bàn phím';
  return 'quá dễ đoán';
}

/** Why `password` may not be used by `owner`, in Vietnamese starting with `label`; null when it may. */
export function passwordProblem(password: string, owner: PasswordOwner, label = 'Mật khẩu'): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `${label} cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự`;
  if (length > MAX_PASSWORD_LENGTH) return `${label} dài quá ${MAX_PASSWORD_LENGTH} ký tự`;
  const squashed = squash(password);
  const own = [owner.username, owner.displayName].map(squash).filter((name) => name.length >= 3);
  if (own.some((name) => squashed.includes(name))) return `${label} không được chứa tên đăng nhập hoặc họ tên`;
  const result = zxcvbn().check(password, ownerWords(owner));
  if (result.score < MIN_SCORE) {
    return `${label} ${weakness(result)}. Hãy chọn mật khẩu khác, ví dụ một cụm vài từ không liên quan đến nhau.`;
  }
  return null;
}

/** Throws a 400 naming `field` when `password` may not be used by `owner`. */
export function assertGoodPassword(field: string, label: string, password: string, owner: PasswordOwner): void {
  const problem = passwordProblem(password, owner, label);
  if (problem) throw badRequest(field, problem);
}
