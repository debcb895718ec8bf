import { Link } from '../routing/link.tsx';

export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <>
      <div className="page-header">
        <h1>Page not found</h1>
      </div>
      <div className="empty-state">
        <p>
          The console has no page at <code>{path}</code>.
        </p>
        <p>
          <Link href="/">Go to the status page</Link>
        </p>
      </div>
    </>
  );
}
