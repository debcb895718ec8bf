/** Previous/next over cursor pages. */
export function ResultPager(props: {
  readonly page: number;
  readonly hasNext: boolean;
  readonly busy: boolean;
  readonly onPage: (page: number) => void;
}) {
  return (
    <nav className="pager" aria-label="Result pages">
      <button
        type="button"
        className="button"
        disabled={props.busy || props.page <= 1}
        onClick={() => props.onPage(props.page - 1)}
      >
        Previous page
      </button>
      <span>Page {props.page}</span>
      <button
        type="button"
        className="button"
        disabled={props.busy || !props.hasNext}
        onClick={() => props.onPage(props.page + 1)}
      >
        Next page
      </button>
    </nav>
  );
}
