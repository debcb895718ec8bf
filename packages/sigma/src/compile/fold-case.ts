// Characters whose lower-case form is not their simple case fold (Unicode CaseFolding.txt, status C/S).
// Turkish dotless ı (U+0131) is deliberately absent: it folds to itself, never to i.
const specials = /[\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe\u017f]/;
const specialsAll = /[\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe\u017f]/g;
const foldMap: Record<string, string> = {
  ς: 'σ',
  ϐ: 'β',
  ϑ: 'θ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϵ: 'ε',
  ẛ: 'ṡ',
  '\u1fbe': '\u03b9',
  ſ: 's',
};

/**
 * Unicode case folding for case-insensitive comparison, applied once per field value and once per
 * rule literal. Example: foldCase('ÄRGER') === foldCase('ärger'); foldCase('ı') !== foldCase('I').
 */
export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  return specials.test(lower) ? lower.replace(specialsAll, (c) => foldMap[c] ?? c) : lower;
}

let table: Uint16Array | undefined;

/**
 * Per-code-unit simple case fold (c → folded code unit, or c when its fold is not one code unit),
 * built once. Lets the substring automata fold while scanning instead of allocating a folded copy.
 */
export function foldTable(): Uint16Array {
  if (table === undefined) {
    table = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) {
      const f = c >= 0xd800 && c <= 0xdfff ? '' : foldCase(String.fromCharCode(c));
      table[c] = f.length === 1 ? f.charCodeAt(0) : c;
    }
  }
  return table;
}
