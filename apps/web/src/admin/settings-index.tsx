import { SETTINGS_SECTIONS } from './settings-sections.ts';

/** `/settings` itself: what each settings page is for. */
export function SettingsIndex() {
  return (
    <dl className="settings-index">
      {SETTINGS_SECTIONS.map((s) => (
        <div key={s.path}>
          <dt>{s.label}</dt>
          <dd>{s.summary}</dd>
        </div>
      ))}
    </dl>
  );
}
