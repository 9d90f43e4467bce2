import { Icon } from '../components/Icon.tsx';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Copies the page's address, which holds the whole request. */
export function ShareButton() {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setDone(true);
      setTimeout(() => setDone(false), 2000);
    } catch {
      window.prompt(t('shareLink'), window.location.href);
    }
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()} aria-live="polite">
      <Icon name="link" /> {done ? t('copied') : t('shareLink')}
    </button>
  );
}
