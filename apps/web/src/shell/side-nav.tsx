import { AREA_GROUP_LABELS, AREAS, type AreaGroup } from '../routing/areas.ts';
import { Link } from '../routing/link.tsx';

const GROUPS: readonly AreaGroup[] = ['operations', 'platform'];

export function SideNav({ activeId }: { readonly activeId: string | null }) {
  return (
    <nav className="side-nav" aria-label="Main">
      {GROUPS.map((group) => (
        <div key={group} className="nav-group">
          {/* A label rather than a heading: the page's own h1 should come first in the outline. */}
          <div className="nav-group-title" id={`nav-${group}`}>
            {AREA_GROUP_LABELS[group]}
          </div>
          <ul aria-labelledby={`nav-${group}`}>
            {AREAS.filter((area) => area.group === group && area.inNav !== false).map((area) => (
              <li key={area.id}>
                <Link
                  href={area.path}
                  className="nav-link"
                  aria-current={area.id === activeId ? 'page' : undefined}
                >
                  {area.label}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
