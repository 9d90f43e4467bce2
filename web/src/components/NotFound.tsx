import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="page narrow">
      <h1>{t('notFound')}</h1>
      <p><Link href="/">{t('backHome')}</Link></p>
    </section>
  );
}
