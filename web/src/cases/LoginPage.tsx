import { useState, type FormEvent } from 'react';
import { useSession } from '../api/session.tsx';
import { TextField } from '../components/Fields.tsx';
import { ErrorBox } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { navigate, useLocation } from '../router.tsx';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const { query } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const next = query.get('next');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await login(username.trim(), password);
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : user.role === 'auditor' ? '/audit' : '/cases');
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>{t('loginTitle')}</h1>
        <p className="lead">{t('loginIntro')}</p>
      </header>
      <form className="card form login" onSubmit={(e) => void submit(e)}>
        {error ? <ErrorBox error={error} /> : null}
        <TextField id="username" name="username" label={t('username')} value={username} onChange={setUsername} required autoComplete="username" />
        <TextField id="password" name="password" label={t('password')} type="password" value={password} onChange={setPassword} required autoComplete="current-password" />
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{t('login')}</button>
        </div>
      </form>
    </div>
  );
}
