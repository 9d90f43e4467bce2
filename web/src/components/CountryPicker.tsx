// A searchable country field (ARIA combobox): type a name in English or Japanese, or a code; arrows and Enter pick.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { countryByCode, searchCountries } from '../lib/countries.ts';

export interface CountryPickerProps {
  id?: string;
  label: string;
  value: string;
  onChange: (code: string) => void;
  hint?: string;
  required?: boolean;
  name?: string;
  /** The field may be left empty: clearing the text clears the value. */
  optional?: boolean;
}

export function CountryPicker({ id, label, value, onChange, hint, required, name, optional }: CountryPickerProps) {
  const { t, lang } = useI18n();
  const auto = useId();
  const inputId = id ?? `${auto}-input`;
  const listId = `${auto}-list`;
  const hintId = `${auto}-hint`;
  const display = (code: string) => {
    const c = countryByCode(code);
    return c ? `${c.name[lang]} (${c.code})` : '';
  };
  const [text, setText] = useState(display(value));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  // Keep the text in step with the value and the language, unless the user is typing.
  useEffect(() => {
    if (document.activeElement !== input.current) setText(display(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value, lang]);

  const results = useMemo(() => (open ? searchCountries(text === display(value) ? '' : text, lang, 30) : []), [open, text, lang, value]);

  const pick = (code: string) => {
    onChange(code);
    setText(display(code));
    setOpen(false);
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(results.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && results[active]) {
      e.preventDefault();
      pick(results[active].code);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setText(display(value));
    }
  };

  return (
    <div className="field combo">
      <label htmlFor={inputId}>{label}</label>
      <div className="combo-box">
        <input
          ref={input}
          id={inputId}
          name={name}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          required={required}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && results[active] ? `${listId}-${results[active].code}` : undefined}
          aria-describedby={hint ? hintId : undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onFocus={(e) => {
            e.target.select();
            setOpen(true);
          }}
          onBlur={() => {
            // Leave time for a click on an option to land first.
            setTimeout(() => {
              setOpen(false);
              if (optional && input.current && !input.current.value.trim()) {
                if (value) onChange('');
                setText('');
              } else setText(display(value));
            }, 150);
          }}
          onKeyDown={onKey}
        />
      </div>
      {hint ? <p id={hintId} className="hint">{hint}</p> : null}
      <ul id={listId} role="listbox" className="combo-list" aria-label={label} hidden={!open}>
        {results.length === 0 && open ? <li className="combo-empty" role="presentation">{t('noMatch')}</li> : null}
        {results.map((c, i) => (
          <li
            key={c.code}
            id={`${listId}-${c.code}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(c.code)}
            onMouseEnter={() => setActive(i)}
          >
            <span className="combo-name">{c.name[lang]}</span>
            <span className="combo-alt" lang={lang === 'en' ? 'ja' : 'en'}>{c.name[lang === 'en' ? 'ja' : 'en']}</span>
            <code className="combo-code">{c.code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
