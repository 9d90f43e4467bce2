// Labelled form controls: every control has a visible label tied to it, and hints are read with it.
import { useId, type ReactNode } from 'react';

interface Base {
  label: string;
  hint?: string;
  className?: string;
}

export function SelectField<V extends string>({ label, hint, value, onChange, options, empty, className, id, groups }: Base & {
  value: V | '';
  onChange: (v: V | '') => void;
  options?: { value: V; label: string }[];
  groups?: { label: string; options: { value: V; label: string }[] }[];
  empty?: string;
  id?: string;
}) {
  const auto = useId();
  const fid = id ?? auto;
  const opt = (o: { value: V; label: string }) => <option key={o.value} value={o.value}>{o.label}</option>;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={fid}>{label}</label>
      <select id={fid} value={value} onChange={(e) => onChange(e.target.value as V | '')} aria-describedby={hint ? `${fid}-hint` : undefined}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options?.map(opt)}
        {groups?.map((g) => <optgroup key={g.label} label={g.label}>{g.options.map(opt)}</optgroup>)}
      </select>
      {hint ? <p id={`${fid}-hint`} className="hint">{hint}</p> : null}
    </div>
  );
}

export function TextField({ label, hint, value, onChange, type = 'text', className, required, id, min, max, name, autoComplete, multiline }: Base & {
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'date' | 'number' | 'password';
  required?: boolean;
  id?: string;
  min?: string;
  max?: string;
  name?: string;
  autoComplete?: string;
  multiline?: boolean;
}) {
  const auto = useId();
  const fid = id ?? auto;
  const common = {
    id: fid, name, value, required, 'aria-describedby': hint ? `${fid}-hint` : undefined,
  };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={fid}>{label}</label>
      {multiline
        ? <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
        : <input {...common} type={type} min={min} max={max} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />}
      {hint ? <p id={`${fid}-hint`} className="hint">{hint}</p> : null}
    </div>
  );
}

/** Yes / no / not stated, as a radio group. */
export function TriState({ label, value, onChange, labels, name }: {
  label: string;
  value: boolean | undefined;
  onChange: (v: boolean | undefined) => void;
  labels: { yes: string; no: string; unset: string };
  name: string;
}) {
  const opts: { v: boolean | undefined; label: string; key: string }[] = [
    { v: true, label: labels.yes, key: 'yes' },
    { v: false, label: labels.no, key: 'no' },
    { v: undefined, label: labels.unset, key: 'unset' },
  ];
  return (
    <fieldset className="field radios">
      <legend>{label}</legend>
      <div className="radio-row">
        {opts.map((o) => (
          <label key={o.key} className="radio">
            <input type="radio" name={name} checked={value === o.v} onChange={() => onChange(o.v)} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Section({ title, children, id, actions }: { title: ReactNode; children: ReactNode; id?: string; actions?: ReactNode }) {
  const auto = useId();
  const hid = id ?? auto;
  return (
    <section className="card" aria-labelledby={hid}>
      <div className="card-head">
        <h2 id={hid}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
