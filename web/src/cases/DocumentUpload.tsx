// Attach a document to an open case: the browser reads the file and sends it; the server keeps its hash and size.
import { useState, type ChangeEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import type { CaseView } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ProblemNotice } from './ProblemNotice.tsx';

const MAX_BYTES = 6_000_000; // the API takes up to 8,000,000 base64 characters

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function DocumentUpload({ view, onChange }: { view: CaseView; onChange: (v: CaseView, note?: string) => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    if (file.size > MAX_BYTES) {
      setError(new Error(t('fileTooLarge', { mb: MAX_BYTES / 1_000_000 })));
      return;
    }
    setBusy(true);
    try {
      const next = await api<CaseView>(`/api/v1/cases/${view.id}/documents`, {
        body: { name: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: toBase64(await file.arrayBuffer()), version: view.version },
      });
      onChange(next, t('saved'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.current) onChange(err.current as CaseView, t('versionConflict'));
      else setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="field upload">
      {error ? <ProblemNotice error={error} /> : null}
      <label htmlFor="document-file">{t('attachDocument')}</label>
      <input id="document-file" type="file" disabled={busy} onChange={(e) => void pick(e)} />
    </div>
  );
}
