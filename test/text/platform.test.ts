/** Platform names as workers type them. */
import { describe, expect, it } from 'vitest';
import { canonicalPlatform, findPlatforms } from '../../src/text/platform.js';

describe('platforms named in a text', () => {
  it('finds Chinese names anywhere and Latin ones only as words of their own', () => {
    expect(findPlatforms('美团众包跑了两年，也跑饿了么')).toEqual(['美团', '饿了么']);
    expect(findPlatforms('在jd送货')).toEqual(['京东']);
    expect(findPlatforms('UU 跑腿')).toEqual(['UU跑腿']);
    expect(findPlatforms('I have problems with these items')).toEqual([]);
  });

  it('folds typos to one name, and leaves an unknown name as written', () => {
    expect(canonicalPlatform('没团')).toBe('美团');
    expect(canonicalPlatform('饿了嘛')).toBe('饿了么');
    expect(canonicalPlatform('货拉啦')).toBe('货拉拉');
    expect(canonicalPlatform(' 某某劳务公司 ')).toBe('某某劳务公司');
  });
});
