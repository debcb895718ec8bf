const NAMES: Readonly<Record<string, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational',
};

/** Example: severityLabel('high') === 'High'. */
export const severityLabel = (s: string): string => NAMES[s] ?? s;
