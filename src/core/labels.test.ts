import { describe, expect, it } from 'vitest';
import { judgmentQuestions, optionLabel, testQuestion, testSentence, type Wording } from './labels.ts';
import { countryName } from './countries.ts';

const words: Wording = {
  factTitle: (id) => (id === 'security-partner' ? { en: 'Country cooperating with Japan in the security area', ja: '我が国との間で安全保障面での協力関係がある国' } : undefined),
  country: countryName,
};

describe('tests in plain words', () => {
  it('puts every kind of test the engine records as a question in both languages, with no code', () => {
    const cases: [string, string, string][] = [
      ['item.weapon = true', 'Is the item a weapon?', '品目は武器か'],
      ['item.defenseEquipment = false', 'Is the item something other than defense equipment?', '品目は防衛装備以外のものか'],
      ['item.form in [part, technology]', 'Is the item’s form “Part or component” or “Technology”?', '品目の形態は「部品」又は「技術」か'],
      ['security-partner(recipient) = true', 'Does “Country cooperating with Japan in the security area” apply to Ukraine?', 'ウクライナは「我が国との間で安全保障面での協力関係がある国」に当たるか'],
      ['purpose = aid-against-aggression', 'Is the stated purpose “Aid to a country under aggression”?', '明示された目的は「侵略を受けている国への支援」か'],
      ['endUser.type in [government, military]', 'Is the end user “Government” or “Armed forces”?', '最終需要者は「政府」又は「軍」か'],
      ['recipient in [UA]', 'Is the recipient Ukraine?', '移転先はウクライナか'],
      ['recipient = item.licensor', 'Is the recipient the country that licensed the item?', '移転先は品目のライセンス元の国か'],
      ['asOf in 2022-03-08..…', 'Is the date on or after 2022-03-08?', '判断日は2022-03-08以降か'],
    ];
    for (const [test, en, ja] of cases) expect(testQuestion(test, words, 'UA')).toEqual({ en, ja });
  });

  it('answers the question in a sentence, and leaves an unknown test readable as written', () => {
    expect(testSentence('item.weapon = true', 'false', words, 'UA')).toEqual({ en: 'Is the item a weapon? No.', ja: '品目は武器か：いいえ' });
    expect(testSentence('endUser.type = government', 'unknown', words, 'UA').en).toBe('Is the end user “Government”? Not known.');
    expect(testSentence('judgment: special-circumstances', 'unknown', { ...words, judgment: () => ({ en: 'Are there special circumstances?', ja: '特段の事情があるか' }) }, 'UA'))
      .toEqual({ en: 'A judgment is needed: Are there special circumstances?', ja: '判断を要する：特段の事情があるか' });
    expect(testQuestion('something new', words, 'UA')).toEqual({ en: 'something new', ja: 'something new' });
  });

  it('finds the question a judgment asks inside a rule’s condition', () => {
    const q = { en: 'Special circumstances?', ja: '特段の事情があるか' };
    const ask = judgmentQuestions([{ when: { all: [{ item: 'weapon', is: true }, { not: { any: [false, { judgment: 'special', question: q, by: 'nsc' }] } }] } }]);
    expect(ask('special')).toEqual(q);
    expect(ask('other')).toBeUndefined();
  });
});

describe('open question options in words', () => {
  it('names each value of an unstated attribute, and leaves an unnamed value as it is', () => {
    expect(optionLabel('item.defenseEquipment', 'true')).toEqual({ en: 'Yes', ja: 'はい' });
    expect(optionLabel('transferor', 'defense-minister').en).toBe('the Minister of Defense');
    expect(optionLabel('purpose', 'aid-against-aggression').ja).not.toMatch(/aid/);
    expect(optionLabel('item.program', 'gcap')).toEqual({ en: 'gcap', ja: 'gcap' });
  });
});

describe('a measure on some item classes', () => {
  it('asks whether the recorded measure reaches the item’s category, naming the country', () => {
    const w: Wording = { factTitle: () => ({ en: 'UN arms embargo', ja: '国連武器禁輸' }), country: countryName };
    expect(testQuestion("un-arms-embargo(recipient) covers the item's ML category", w, 'IR')).toEqual({
      en: 'Does the measure recorded as “UN arms embargo” for Islamic Republic of Iran reach the item’s Munitions List category?',
      ja: 'イラン・イスラム共和国に対する「国連武器禁輸」の措置は、品目の軍用品リスト区分に及ぶか',
    });
  });
});
