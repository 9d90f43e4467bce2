// The sanctions list in use, its date and age, in the header; flagged when older than the server's 30 days.
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Health {
  list: { version: string; ageDays: number | null; stale: boolean } | null;
}

export function ListAge() {
  const { lang } = useI18n();
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    api<Health>('/healthz', { signal: ctl.signal }).then(setHealth, () => {});
    return () => ctl.abort();
  }, []);
  if (!health) return null;
  const list = health.list;
  const ja = lang === 'ja';
  if (!list) {
    return <span className="list-age list-age-stale" role="status">{ja ? '制裁リスト未登録：審査は照合されません' : 'No sanctions list: parties are not screened'}</span>;
  }
  // The list's own date, as the UN publishes it (and names the file).
  const date = list.version.slice(0, 10);
  const age = list.ageDays ?? '?';
  const text = ja ? `国連制裁リスト ${date}（${age}日前）` : `UN list ${date} (${age} days old)`;
  const title = list.stale
    ? (ja ? '30日より古いリストです。管理者が更新してください（gensoku lists update）' : 'Older than 30 days: an admin should update it (gensoku lists update)')
    : (ja ? '照合に使う国連安保理統合制裁リスト' : 'The UN Security Council Consolidated List parties are screened against');
  return (
    <span className={list.stale ? 'list-age list-age-stale' : 'list-age'} title={title} role={list.stale ? 'status' : undefined}>
      {list.stale ? <span aria-hidden="true">⚠ </span> : null}{text}
      {list.stale ? <span className="sr-only">: {title}</span> : null}
    </span>
  );
}
