// The signed-in account's menu: a disclosure button revealing profile, password, and the two sign-outs.
import { useEffect, useId, useRef, useState } from 'react';
import type { ApiError } from '../api/api-error.ts';
import { signOut } from '../auth/sign-out.ts';
import { Link } from '../routing/link.tsx';

export function UserMenu({ username }: { readonly username: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  // Close on Escape or on a click elsewhere, as menus do.
  useEffect(() => {
    if (!open) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  const leave = async (everywhere: boolean) => setError((await signOut(everywhere)) ?? null);

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        className="button user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen(!open)}
      >
        <span className="visually-hidden">Account menu for </span>
        {username}
      </button>
      <ul id={menuId} className="user-menu-list" hidden={!open}>
        <li>
          <Link href="/account" onClick={() => setOpen(false)}>
            Profile
          </Link>
        </li>
        <li>
          <Link href="/account#password" onClick={() => setOpen(false)}>
            Change password
          </Link>
        </li>
        <li>
          <button type="button" className="link-button" onClick={() => void leave(false)}>
            Sign out
          </button>
        </li>
        <li>
          <button type="button" className="link-button" onClick={() => void leave(true)}>
            Sign out everywhere
          </button>
        </li>
        {error && (
          <li role="alert" className="user-menu-error">
            {error.message}
          </li>
        )}
      </ul>
    </div>
  );
}
