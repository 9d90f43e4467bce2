// The shell: header with navigation, language and login; the page for the current path; a footer.
import { useEffect, useRef } from 'react';
import { SessionProvider } from './api/session.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { Header } from './components/Header.tsx';
import { match, useLocation } from './router.tsx';
import { EvaluatePage } from './pages/EvaluatePage.tsx';
import { MapPage } from './map/MapPage.tsx';
import { QuestionsPage } from './questions/QuestionsPage.tsx';
import { LawPage } from './law/LawPage.tsx';
import { RulePage } from './law/RulePage.tsx';
import { CountryPage } from './law/CountryPage.tsx';
import { LoginPage } from './cases/LoginPage.tsx';
import { CasesPage } from './cases/CasesPage.tsx';
import { EditCasePage, NewCasePage } from './cases/NewCasePage.tsx';
import { CasePage } from './cases/CasePage.tsx';
import { AuditPage } from './cases/AuditPage.tsx';
import { ReportPage } from './cases/ReportPage.tsx';
import { NotFound } from './components/NotFound.tsx';

function Page() {
  const { path } = useLocation();
  let m: Record<string, string> | null;
  if (path === '/' || path === '/evaluate') return <EvaluatePage />;
  if (path === '/map') return <MapPage />;
  if (path === '/questions') return <QuestionsPage id={null} />;
  if ((m = match('/questions/:id', path))) return <QuestionsPage id={m.id} />;
  if (path === '/law') return <LawPage />;
  if ((m = match('/law/rules/:id', path))) return <RulePage id={m.id} />;
  if (path === '/law/countries') return <CountryPage code={null} />;
  if ((m = match('/law/countries/:code', path))) return <CountryPage code={m.code} />;
  if (path === '/login') return <LoginPage />;
  if (path === '/cases') return <CasesPage />;
  if (path === '/cases/new') return <NewCasePage />;
  if ((m = match('/cases/:id/edit', path))) return <EditCasePage id={m.id} />;
  if ((m = match('/cases/:id', path))) return <CasePage id={m.id} />;
  if (path === '/audit') return <AuditPage />;
  if (path === '/reports') return <ReportPage />;
  return <NotFound />;
}

function Shell() {
  const { t } = useI18n();
  const { path } = useLocation();
  const main = useRef<HTMLElement>(null);
  // On navigation, move focus to the new page so screen readers announce it.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a className="skip" href="#main">{t('skip')}</a>
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <Page />
      </main>
      <footer className="footer">
        <p>{t('tagline')} · <a href="/api/docs">API</a></p>
      </footer>
    </>
  );
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
