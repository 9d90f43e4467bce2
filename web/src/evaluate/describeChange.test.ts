import { describe, expect, it } from 'vitest';
import { describeChange } from './describeChange.ts';

const title = (id: string) => (id === '2023-03-invasion-victims-proposal' ? '侵略に抗戦している国への移転案' : id);

describe('what-if changes in the reader’s language', () => {
  it('keeps the server’s English words', () => {
    expect(describeChange({ kind: 'item', path: 'item.weapon', from: true, to: false, text: 'a non-weapon instead of a weapon' }, 'en', title)).toBe('a non-weapon instead of a weapon');
  });

  it('words known changes in Japanese from their fields', () => {
    expect(describeChange({ kind: 'regime', path: 'regime', from: '2014-04-01', to: '2023-03-invasion-victims-proposal', text: '' }, 'ja', title)).toBe('案「侵略に抗戦している国への移転案」を採用する');
    expect(describeChange({ kind: 'fact', path: 'facts.transfer-agreement.UA', from: false, to: true, text: '' }, 'ja', title)).toBe('ウクライナの事実「transfer-agreement」：いいえ → はい');
    expect(describeChange({ kind: 'purpose', path: 'purpose', from: undefined, to: 'security-cooperation', text: '' }, 'ja', title)).toBe('目的を「安全保障・防衛協力」と明示する');
  });

  it('falls back to the server’s words for a change it does not know', () => {
    expect(describeChange({ kind: 'item', path: 'item.colour', from: 'red', to: 'blue', text: 'blue instead of red' }, 'ja', title)).toBe('blue instead of red');
  });
});
