import { describe, expect, it } from 'vitest';
import { looksLikeId, makeId, sameId, to18 } from './ids';

describe('record ids', () => {
  it.each([
    ['001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['003000000000001', '003000000000001AAA'],
    ['00Q5e0000000001', '00Q5e0000000001EAA'],
  ])('converts %s to the 18-char form %s', (id15, id18) => {
    expect(to18(id15)).toBe(id18);
  });

  it('makes 18-char ids with the key prefix', () => {
    expect(makeId('003', 1)).toMatch(/^0035e0000000001[A-Z0-5]{3}$/);
    expect(makeId('00T', 62)).toBe(to18('00T5e0000000010'));
  });

  it('treats the 15- and 18-char forms of one id as the same id, case-sensitively', () => {
    const id = makeId('001', 7);
    expect(sameId(id, id.slice(0, 15))).toBe(true);
    expect(sameId(id.slice(0, 15), id)).toBe(true);
    expect(sameId(id, id.toLowerCase())).toBe(false);
    expect(sameId(id, null)).toBe(false);
    expect(looksLikeId(id)).toBe(true);
    expect(looksLikeId('abc')).toBe(false);
  });
});
