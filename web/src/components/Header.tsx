import { useEffect, useRef } from 'react';
import { useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import { ListAge } from './ListAge.tsx';

interface NavItem {
  href: string;
  key: MessageKey;
  when?: (role: string | null) => boolean;
}

const NAV: NavItem[] = [
  { href: '/', key: 'navEvaluate' },
  { href: '/questions', key: 'navQuestions' },
  { href: '/map', key: 'navMap' },
  { href: '/law', key: 'navLaw' },
  { href: '/cases', key: 'navCases' },
  { href: '/reports', key: 'navReports', when: (role) => role === 'examiner' || role === 'nsc' || role === 'auditor' },
  { href: '/audit', key: 'navAudit', when: (role) => role === 'auditor' },
];

const isCurrent = (href: string, path: string) => (href === '/' ? path === '/' || path === '/evaluate' : path === href || path.startsWith(href + '/'));

export function Header() {
  const { t, lang, setLang } = useI18n();
  const { user, logout } = useSession();
  const { path } = useLocation();
  const other = lang === 'en' ? 'ja' : 'en';
  // Its height as a CSS variable, so what is pinned below it (the map's time bar) sits right under it.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => document.documentElement.style.setProperty('--header-h', `${el.offsetHeight}px`));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <header className="header" ref={ref}>
      <div className="header-inner">
        <Link href="/" className="brand">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="28" height="28"><rect width="32" height="32" rx="6" fill="#1d3557" /><path d="M8 22V10h9a4 4 0 0 1 0 8h-5v4z" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinejoin="round" /><circle cx="23" cy="22" r="3" fill="#e63946" /></svg>
          <span className="brand-name">gensoku</span>
          <span className="brand-ja" lang="ja">原則</span>
        </Link>
        <nav aria-label={lang === 'en' ? 'Main' : 'メイン'} className="nav">
          <ul>
            {NAV.filter((n) => !n.when || n.when(user?.role ?? null)).map((n) => (
              <li key={n.href}>
                <Link href={n.href} aria-current={isCurrent(n.href, path) ? 'page' : undefined}>{t(n.key)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <ListAge />
          <button type="button" className="btn btn-ghost lang-switch" onClick={() => setLang(other)} title={t('switchToLabel')}>
            <span lang={other}>{t('switchTo')}</span><span className="sr-only">: {t('switchToLabel')}</span>
          </button>
          {user ? (
            <>
              <span className="who" title={t('loggedInAs', { user: user.username, role: t(`role.${user.role}`) })}>
                <span aria-hidden="true" className="who-dot" />{user.username}<span className="sr-only"> ({t(`role.${user.role}`)})</span>
              </span>
              <button type="button" className="btn btn-ghost" onClick={() => void logout().then(() => navigate('/login'))}>{t('logout')}</button>
            </>
          ) : (
            <Link href="/login" className="btn btn-ghost">{t('login')}</Link>
          )}
        </div>
      </div>
    </header>
  );
}
