// Foreign names written in katakana, back to Latin as they were heard: the vowel Japanese adds after a
// consonant is dropped (アブドゥル -> abdur, イスラム -> isram), ッ doubles, ー lengthens, ン before b/p is m,
// ドゥ/ディ/トゥ/ファ/ヴ keep their written vowel, ッラー is -llah, アル/アッ/アン alone are the article. Pure.

type Mora = { c: string; v: string; explicit?: boolean; long?: boolean; gem?: boolean };

const BASE: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o',
  カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo',
  タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to', ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do',
  ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no',
  ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho', バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo',
  パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo',
  ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヰ: 'wi', ヱ: 'we', ヲ: 'o', ヴ: 'vu',
};
const SMALL_VOWEL: Record<string, string> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ヮ: 'a' };
const SMALL_Y: Record<string, string> = { ャ: 'a', ュ: 'u', ョ: 'o' };

function split(m: string): Mora {
  const i = m.search(/[aeiou]$/);
  return { c: m.slice(0, i), v: m.slice(i) };
}

function morae(word: string): Mora[] {
  const out: Mora[] = [];
  let gem = false;
  for (const ch of word) {
    const prev = out[out.length - 1];
    if (ch === 'ッ') { gem = true; continue; }
    if (ch === 'ー') { if (prev) prev.long = true; continue; }
    if (ch === 'ン') { out.push({ c: 'n', v: '' }); gem = false; continue; }
    if (SMALL_VOWEL[ch] && prev) {
      // ファ fa, ティ ti, ドゥ du, ウィ wi, クァ kwa, シェ she: the written vowel replaces the default one.
      const c = prev.c === '' && prev.v === 'u' ? 'w' : prev.c === 'k' || prev.c === 'g' ? prev.c + 'w' : prev.c === 'ts' ? 'ts' : prev.c;
      prev.c = prev.c === '' && prev.v === 'i' ? 'y' : c;
      prev.v = SMALL_VOWEL[ch]!;
      prev.explicit = true;
      continue;
    }
    if (SMALL_Y[ch] && prev) {
      prev.c = /^(sh|ch|j)$/.test(prev.c) ? prev.c : prev.c + 'y';
      prev.v = SMALL_Y[ch]!;
      continue;
    }
    const base = BASE[ch];
    if (!base) continue;
    const m = split(base);
    if (gem) m.gem = true;
    gem = false;
    out.push(m);
  }
  return out;
}

const EPENTHETIC_U = new Set(['b', 'f', 'g', 'k', 'm', 'p', 's', 'z', 'r', 'sh', 'j', 'ts']);

/** One katakana word (no separators) as heard, in lower-case Latin. */
function katakanaWord(word: string): string {
  const ms = morae(word.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)));
  let out = '';
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i]!;
    const next = ms[i + 1];
    let c = m.c;
    if (c === 'n' && m.v === '' && next && /^[bp]/.test(next.c)) c = 'm';
    if (m.gem && c === 'r') c = 'll'; // ッラー: Abdullah, Habibullah
    else if (m.gem && c) c = /^(ch|sh|ts|j)/.test(c) ? c : c[0] + c;
    // Japanese adds u after most consonants and o after t/d; it is not in the name when nothing needs it there.
    // ト before ス/ズ keeps its o: dropping it would write ts, a sound of its own (サントソ Santoso).
    const addedVowel = (m.v === 'u' && EPENTHETIC_U.has(m.c)) || (m.v === 'o' && (m.c === 't' || m.c === 'd') && !/^[sz]/.test(next?.c ?? ''))
      || (m.v === 'i' && m.c === 'ch' && next === undefined);
    const nextIsN = next !== undefined && next.c === 'n' && next.v === '';
    const closesSyllable = i > 0 && (next === undefined || (next.c !== '' && !nextIsN && !next.gem));
    // Abu, written アブ, keeps its vowel: a word of a vowel and one more mora.
    const short = ms.length === 2 && ms[0]!.c === '';
    // A word that starts with a cluster (フランシス Frances, クロフォード Crawford, トリニダード Trinidad).
    const cluster = i === 0 && next !== undefined && next.c === 'r' && ((m.v === 'u' && /^[bfgkp]$/.test(m.c)) || (m.v === 'o' && /^[td]$/.test(m.c)));
    // Before the same consonant the vowel is real: a doubled consonant would be written ッ (アブバカル Abubakar).
    const sameNext = next !== undefined && next.c !== '' && next.c[0] === m.c[0];
    const v = addedVowel && !m.explicit && !m.long && !sameNext && ((closesSyllable && !short) || cluster) ? '' : m.v;
    // An added u after フ is the h or kh of アフマド Ahmad or ラフマン Rahman more often than an f.
    out += (c === 'f' && v === '' && m.v === 'u' ? 'h' : c) + v;
  }
  const last = ms[ms.length - 1];
  // A final ッラー is -llah (Allah, Abdullah), with the h Japanese does not write.
  if (out.endsWith('lla') && last?.long) return out + 'h';
  // A final long a is often an r Japanese does not pronounce: ピーター Peter, バラダー Baradar.
  if (last?.long && last.v === 'a' && last.c !== '') return out + 'r';
  return out;
}

const ARTICLE = new Set(['アル', 'アッ', 'アン', 'エル', 'ウル', 'アズ']);
/** Loanwords of company names, back to the English words they were heard from (legal forms among them). */
const LOANWORDS: Record<string, string> = {
  コーポレーション: 'corporation', カンパニー: 'company', リミテッド: 'limited', インク: 'inc', インコーポレーテッド: 'incorporated',
  グループ: 'group', バンク: 'bank', トレーディング: 'trading', インターナショナル: 'international', ネットワーク: 'network',
  アソシエーテッド: 'associated', エンジニアリング: 'engineering', インダストリーズ: 'industries', ホールディングス: 'holdings',
  シッピング: 'shipping', エレクトロニクス: 'electronics', テクノロジー: 'technology', ファンデーション: 'foundation',
  // Titles, so they weigh as titles: マウラナ Maulana, ムッラー Mullah, シェイク Sheikh, ハッジ Haji.
  マウラナ: 'maulana', マウラーナー: 'maulana', ムッラー: 'mullah', ムラー: 'mullah', マウラヴィ: 'maulavi', マウラウィ: 'mawlawi',
  シェイク: 'sheikh', シャイフ: 'shaykh', ハッジ: 'haji', ハジ: 'haji', ハーフィズ: 'hafiz', カーリー: 'qari',
};

/**
 * A katakana run (words separated by ・, ＝ or spaces) as heard. アル/アッ/アン standing alone are the Arabic article;
 * -ウル at the end of a longer word is the connector of "Zia ul-Rahman".
 */
export function katakanaToLatin(run: string): string {
  const words = run.split(/[・･＝=\s]+/).filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    if (ARTICLE.has(w)) { out.push('al'); continue; }
    const loan = LOANWORDS[w];
    if (loan) { out.push(loan); continue; }
    const ul = /^(.+[アイ])ウル$/.exec(w);
    if (ul) { out.push(katakanaWord(ul[1]!), 'ul'); continue; }
    out.push(katakanaWord(w));
  }
  return out.join(' ');
}

// Korean in katakana: consonants as Korean keys hear them (see korean.ts), finals written ン ル ク プ ム.
const KOREAN_INITIAL: Record<string, string> = {
  '': '', k: 'k', g: 'k', s: 's', sh: 's', z: 'c', j: 'c', ch: 'c', t: 't', d: 't', n: 'n', h: 'h', f: 'h', p: 'p', b: 'p',
  m: 'm', r: 'r', y: 'y', w: 'w', ky: 'ky', gy: 'ky', ny: 'ny', hy: 'hy', py: 'py', by: 'py', my: 'my', ry: 'ry', kw: 'kw', gw: 'kw',
};
const KOREAN_FINAL: Record<string, string> = { r: 'r', k: 'k', p: 'p', b: 'p', m: 'm' };

/**
 * A katakana name read as Korean syllables, each with the keys it may stand for (ン is n or ng, チェ may be 최 Choe):
 * キム・ヨンチョル -> [kim] [yon|yoN] [cor]. Undefined when a word does not split into Korean syllables.
 */
export function katakanaKorean(run: string): string[][] | undefined {
  const out: string[][] = [];
  for (const word of run.split(/[・･＝=\s]+/).filter(Boolean)) {
    const ms = morae(word);
    if (ms.length === 0 || ms.some((m) => m.gem || m.long)) return undefined;
    const syllables: string[][] = [];
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      const ini = m.c === 'f' && m.explicit ? 'hw' : KOREAN_INITIAL[m.c]; // ファン is 황 Hwang
      if (ini === undefined || m.v === '') return undefined;
      let keys = [ini + m.v];
      if (ini + m.v === 'ce') keys.push('coe'); // チェ writes 최 Choe as well as 제 Je
      const next = ms[i + 1];
      if (next && next.c === 'n' && next.v === '') { keys = keys.flatMap((k) => [k + 'n', k + 'N']); i++; }
      else if (next && next.v === 'u' && KOREAN_FINAL[next.c] && !next.explicit) {
        keys = keys.map((k) => k + KOREAN_FINAL[next.c]!);
        i++;
      }
      syllables.push(keys);
    }
    if (syllables.length > 3) return undefined;
    out.push(...syllables);
  }
  // The surname as the North writes it, with the initial ㄹ the South drops: ユ Ryu/Yu, イ Ri/Yi, ナ Ra/Na.
  const first = out[0];
  if (first) out[0] = [...first, ...first.flatMap((k) => (/^[yi]/.test(k) ? ['r' + k] : /^n/.test(k) ? ['r' + k.slice(1)] : []))];
  return out.length >= 2 && out.length <= 4 ? out : undefined;
}
