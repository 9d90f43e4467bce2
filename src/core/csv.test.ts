import { describe, expect, it } from 'vitest';
import { parseCsv } from '../screening/csv.ts';
import { toCsv, tsvCell } from './csv.ts';

describe('the CSV writer', () => {
  it('quotes per RFC 4180 and neutralises formulas in text cells', () => {
    const hostile = ['=cmd|\' /C calc\'!A0', '+1+1', '-2', '@SUM(A1)', '\tTAB', '\rCR', 'a,b', 'say "hi"', 'two\nlines', 'plain'];
    const csv = toCsv([['name', 'n'], ...hostile.map((h, i) => [h, i])]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = parseCsv(csv);
    expect(back).toHaveLength(hostile.length);
    for (const [i, h] of hostile.entries()) {
      expect(back[i].n).toBe(String(i));
      expect(back[i].name).toBe(/^[=+\-@\t\r]/.test(h) ? `'${h}` : h);
    }
    expect(csv).toContain('"say ""hi"""');
    expect(toCsv([[-3, null, true]])).toBe('-3,,true\r\n');
  });

  it('keeps a tab-separated text cell on one line', () => {
    expect(tsvCell('=A\tB\nC')).toBe("'=A B C");
  });
});
