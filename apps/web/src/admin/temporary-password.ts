// A temporary password for a new account or a forced reset: 20 characters from a CSPRNG with lower and
// upper case letters and digits (so it meets the password policy), shown once to the administrator.

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;

function pick(alphabet: string, random: number): string {
  return alphabet[random % alphabet.length] ?? 'x';
}

export function temporaryPassword(random: (n: number) => Uint32Array = randomWords): string {
  const words = random(20);
  const chars = Array.from(words, (w) => pick(ALL, w));
  // Guarantee each class at fixed, random-looking positions; the dashes keep it readable.
  chars[0] = pick(UPPER, words[0] ?? 0);
  chars[7] = pick(LOWER, words[7] ?? 0);
  chars[14] = pick(DIGITS, words[14] ?? 0);
  const text = chars.join('');
  return `${text.slice(0, 5)}-${text.slice(5, 10)}-${text.slice(10, 15)}-${text.slice(15)}`;
}

function randomWords(n: number): Uint32Array {
  return crypto.getRandomValues(new Uint32Array(n));
}
