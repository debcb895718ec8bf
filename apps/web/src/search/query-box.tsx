import { useId, type Ref } from 'react';

/** The query text. Problems (if any) are described by the list under it, which the box points at. */
export function QueryBox(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onSubmit: () => void;
  readonly invalid: boolean;
  readonly describedBy: string;
  readonly ref: Ref<HTMLTextAreaElement>;
}) {
  const id = useId();
  return (
    <div className="field query-field">
      <label htmlFor={id}>Query</label>
      <textarea
        id={id}
        ref={props.ref}
        className="query-input"
        rows={2}
        spellCheck={false}
        autoComplete="off"
        placeholder='event.outcome:failure AND user.name:"root" | stats count() by host.name'
        value={props.value}
        aria-invalid={props.invalid}
        aria-describedby={`${props.describedBy} ${id}-help`}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => {
          // Enter runs the search; Shift+Enter adds a line.
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            props.onSubmit();
          }
        }}
      />
      <p id={`${id}-help`} className="muted field-help">
        Enter runs the search, Shift+Enter starts a new line. <code>*</code> matches every event.
      </p>
    </div>
  );
}
