const START = '<!-- config-reference:start -->';
const END = '<!-- config-reference:end -->';

/** The generated configuration table between the README markers (throws when the markers are missing). */
export function readConfigBlock(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return readme.slice(start + START.length, end).trim();
}

/** README text with the block between the markers replaced by `table`. */
export function replaceConfigBlock(readme: string, table: string): string {
  readConfigBlock(readme);
  const start = readme.indexOf(START) + START.length;
  return `${readme.slice(0, start)}\n${table.trim()}\n${readme.slice(readme.indexOf(END))}`;
}
