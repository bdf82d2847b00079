// Text inside SQL: a user's search words matched literally by LIKE/ILIKE.

/** Escapes LIKE's wildcards (\ % _) so that `%${escapeLike(q)}%` finds the words as typed. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
