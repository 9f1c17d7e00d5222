import { describe, expect, it } from 'vitest';
import { assessLicense, isMorePermissive } from '../../../lib/licenses';

const a = (license: string) => assessLicense({ license });

describe('isMorePermissive', () => {
  it('flags an open licence declared on top of a restricted base', () => {
    expect(isMorePermissive(a('mit'), a('llama3.1'))).toBe(true);
    expect(isMorePermissive(a('apache-2.0'), a('cc-by-nc-4.0'))).toBe(true);
    expect(isMorePermissive(a('cc-by-4.0'), a('gemma'))).toBe(true);
  });

  it('is false the other way round and between two open licences', () => {
    expect(isMorePermissive(a('llama3.1'), a('mit'))).toBe(false);
    expect(isMorePermissive(a('mit'), a('apache-2.0'))).toBe(false);
    expect(isMorePermissive(a('llama3.1'), a('llama3.1'))).toBe(false);
  });

  it('compares two restricted licences by the freedoms they restrict', () => {
    // CC BY-NC restricts use only; CC BY-NC-ND also restricts modify and share.
    expect(isMorePermissive(a('cc-by-nc-4.0'), a('cc-by-nc-nd-4.0'))).toBe(true);
    expect(isMorePermissive(a('cc-by-nc-nd-4.0'), a('cc-by-nc-4.0'))).toBe(false);
  });

  it('is null when either side is unknown', () => {
    expect(isMorePermissive(a('mit'), a('unknown'))).toBeNull();
    expect(isMorePermissive(assessLicense({ license: 'other' }), a('llama3.1'))).toBeNull();
    expect(isMorePermissive(a('bsd'), a('mit'))).toBeNull();
  });
});
