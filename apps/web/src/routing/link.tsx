import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { isPlainLeftClick } from './is-plain-left-click.ts';
import { navigate } from './location-store.ts';

export interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  readonly href: string;
}

/** An ordinary `<a href>` whose plain left clicks navigate client-side; other clicks stay the browser's. */
export function Link({ href, onClick, target, ...rest }: LinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (!isPlainLeftClick(event) || (target !== undefined && target !== '_self')) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} target={target} onClick={handleClick} {...rest} />;
}
