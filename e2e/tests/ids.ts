/** Fictitious resident ID numbers with a correct GB 11643 check digit, for tests only. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** An ID number for a person born on `birth` (YYYYMMDD) in Beijing's Dongcheng district. */
export function idNumber(birth: string, sequence = '123'): string {
  const body = `110101${birth}${sequence}`;
  const sum = body.split('').reduce((acc, ch, i) => acc + Number(ch) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

/** The same number with a wrong last character. */
export function withWrongCheckDigit(id: string): string {
  const last = id[id.length - 1];
  const wrong = last === '0' ? '1' : '0';
  return id.slice(0, -1) + wrong;
}

/** A hotline reference as the app shows it (DECISIONS D34): groups of 3, 3 and 4 symbols from
 * the digits 2–9 and the letters A–Z without I, L and O. */
export const REFERENCE = /^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{4}$/;
