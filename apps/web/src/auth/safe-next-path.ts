// Where to go after signing in: only a path of this console, never another origin (`//evil`, `/\evil`,
// `https://…`) and never back to the sign-in or set-up pages.

/** @example safeNextPath('/search?workspace=default') === '/search?workspace=default'; safeNextPath('//x') === '/' */
export function safeNextPath(raw: string | null | undefined): string {
  if (raw === null || raw === undefined || !raw.startsWith('/')) return '/';
  if (raw.startsWith('//') || raw.startsWith('/\\') || [...raw].some((c) => c.charCodeAt(0) < 0x20))
    return '/';
  const path = raw.split(/[?#]/u, 1)[0] ?? '/';
  if (path === '/login' || path === '/setup' || path.startsWith('/login/') || path.startsWith('/setup/'))
    return '/';
  return raw;
}

/** The sign-in page address that returns to `path` afterwards. */
export function loginPathFor(path: string): string {
  const next = safeNextPath(path);
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}
