import type { ReactNode } from 'react';
import { useSession } from '../api/session.tsx';
import type { Role, User } from '../api/types.ts';
import { Loading } from '../components/Status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useLocation } from '../router.tsx';

/** Shows its children to a logged-in user of one of the roles, a login link to others. */
export function RequireLogin({ roles, children }: { roles?: Role[]; children: (user: User) => ReactNode }) {
  const { t } = useI18n();
  const { user, ready } = useSession();
  const { href } = useLocation();
  if (!ready) return <div className="page"><Loading /></div>;
  if (!user) {
    return (
      <div className="page narrow">
        <p>{t('loginToSee')}</p>
        <p><Link className="btn btn-primary" href={`/login?next=${encodeURIComponent(href)}`}>{t('login')}</Link></p>
      </div>
    );
  }
  if (roles && !roles.includes(user.role)) return <div className="page narrow"><p role="alert">{t('noAccess')}</p></div>;
  return <>{children(user)}</>;
}
