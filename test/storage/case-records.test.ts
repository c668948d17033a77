/** Case numbering, patch and claim rules shared by both backends. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCasePatch,
  caseYear,
  formatCaseNumber,
  isCaseNumber,
  matchesExpectation,
  patchForHistory,
} from '../../src/storage/case-records.js';
import type { CaseRecord } from '../../src/cases/model.js';

const record = (overrides: Partial<CaseRecord> = {}): CaseRecord => ({
  id: 'GY-2101-000001',
  userKey: 'web:u',
  channel: 'web',
  conversationKey: 'web:u',
  category: 'wages',
  facts: {},
  summary: '拖欠工资',
  anonymous: false,
  tier: 'same_day',
  dueAt: '2101-01-02T00:00:00.000Z',
  warnings: [],
  locale: 'zh-CN',
  status: 'waiting',
  createdAt: '2101-01-01T00:00:00.000Z',
  updatedAt: '2101-01-01T00:00:00.000Z',
  ...overrides,
});

describe('case numbers', () => {
  it('formats GY-<year>-<6 digits> that isCaseNumber recognises and that sorts with the sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 999_998 }), (year, n) => {
        const id = formatCaseNumber(year, n);
        expect(id).toMatch(/^GY-\d{4}-\d{6}$/);
        expect(isCaseNumber(id)).toBe(true);
        expect(id < formatCaseNumber(year, n + 1)).toBe(true);
      }),
    );
    expect(formatCaseNumber(2026, 123)).toBe('GY-2026-000123');
    expect(isCaseNumber('GY-26-1')).toBe(false);
  });

  it('takes the year from China time', () => {
    expect(caseYear(new Date('2025-12-31T15:59:59.999Z'))).toBe(2025);
    expect(caseYear(new Date('2025-12-31T16:00:00.000Z'))).toBe(2026);
    expect(caseYear(new Date('2025-12-31T23:00:00.000Z'), 0)).toBe(2025);
  });
});

describe('patches and expectations', () => {
  const now = new Date('2101-01-03T00:00:00.000Z');

  it('clears optional fields given as undefined but never required ones', () => {
    const next = applyCasePatch(record({ owner: 'm1', publicNote: 'n' }), { owner: undefined, summary: undefined, nextStep: '等待回复' }, now);
    expect(next).not.toHaveProperty('owner');
    expect(next.publicNote).toBe('n');
    expect(next.summary).toBe('拖欠工资');
    expect(next.nextStep).toBe('等待回复');
    expect(next.updatedAt).toBe(now.toISOString());
    expect(patchForHistory({ owner: undefined, status: 'open' })).toEqual({ owner: null, status: 'open' });
  });

  it('matches only when every expected field holds; owner undefined means unowned', () => {
    expect(matchesExpectation(record(), undefined)).toBe(true);
    expect(matchesExpectation(record(), { status: 'waiting' })).toBe(true);
    expect(matchesExpectation(record(), { status: 'active' })).toBe(false);
    expect(matchesExpectation(record(), { owner: undefined })).toBe(true);
    expect(matchesExpectation(record({ owner: 'm1' }), { owner: undefined })).toBe(false);
    expect(matchesExpectation(record({ owner: 'm1' }), { owner: 'm1', status: 'waiting' })).toBe(true);
    expect(matchesExpectation(record({ owner: 'm1' }), { owner: 'm2' })).toBe(false);
  });
});
