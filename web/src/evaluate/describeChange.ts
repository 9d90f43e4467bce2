// A what-if change in the reader's language. The server words each change in English; in Japanese the text is
// built from the change's structured fields (path, from, to), and anything not recognised keeps the server's words.
import type { Change } from '../../../src/core/whatif.ts';
import type { Lang } from '../i18n/messages.ts';
import { countryName } from '../lib/countries.ts';
import { END_USER_LABEL, FORM_LABEL, FUNCTION_LABEL, MUNITION_LABEL, ORIGIN_LABEL, PURPOSE_LABEL } from '../lib/labels.ts';

type Labels = Record<string, { en: string; ja: string }>;
const label = (labels: Labels, v: unknown) => (typeof v === 'string' && labels[v] ? labels[v].ja : String(v ?? '指定なし'));
const yesNo = (v: unknown) => (v === true ? 'はい' : v === false ? 'いいえ' : '不明');

export function describeChange(c: Change, lang: Lang, regimeTitle: (id: string) => string): string {
  if (lang === 'en') return c.text;
  const fact = /^facts\.([^.]+)\.([A-Z]{2})$/.exec(c.path);
  if (fact) return `${countryName(fact[2], 'ja')}の事実「${fact[1]}」：${yesNo(c.from)} → ${yesNo(c.to)}`;
  switch (c.path) {
    case 'regime': return `案「${regimeTitle(String(c.to))}」を採用する`;
    case 'asOf': return `${String(c.to)} の時点で判断する`;
    case 'item.weapon': return c.to === false ? '武器ではなく非武器とする' : '武器とする';
    case 'item.form': return `形態を${label(FORM_LABEL, c.to)}とする`;
    case 'item.function': return `機能を${label(FUNCTION_LABEL, c.to)}とする`;
    case 'item.origin': return `由来を${label(ORIGIN_LABEL, c.to)}とする`;
    case 'item.munitionType': return `${label(MUNITION_LABEL, c.from)}ではないものとする`;
    case 'purpose': return `目的を「${label(PURPOSE_LABEL, c.to)}」と明示する`;
    case 'endUser.type': return `最終需要者を${label(END_USER_LABEL, c.to)}と明示する`;
    default: return c.text;
  }
}
