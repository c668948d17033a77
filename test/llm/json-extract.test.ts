import { describe, expect, it } from 'vitest';
import { extractFirstJsonObject } from '../../src/llm/json-extract.js';

describe('extractFirstJsonObject', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['```json\n{"a":"x"}\n```', { a: 'x' }],
    ['好的：{"a":"含有}括号{的字符串"} 以上', { a: '含有}括号{的字符串' }],
    ['{broken {"a":2}', { a: 2 }],
  ])('finds the object in %j', (text, expected) => {
    expect(extractFirstJsonObject(text)).toEqual(expected);
  });

  it.each(['', 'no json here', '[1,2,3]', '{"a": '])('returns undefined for %j', (text) => {
    expect(extractFirstJsonObject(text)).toBeUndefined();
  });
});
