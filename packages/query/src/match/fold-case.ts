// Characters whose lower-case form is not their simple case fold (Unicode CaseFolding.txt, status C/S).
// The same table as the detection engine's, so search and Sigma agree on what "case-insensitive" means.
const specials = /[\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe\u017f]/u;
const specialsAll = /[\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1e9b\u1fbe\u017f]/gu;
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

/** Unicode case folding for case-insensitive comparison. Example: foldCase('CMD.EXE') === 'cmd.exe'. */
export function foldCase(s: string): string {
  const lower = s.toLowerCase();
  return specials.test(lower) ? lower.replace(specialsAll, (c) => foldMap[c] ?? c) : lower;
}
