/** The place table and the intake question texts are data under content/: they validate, cover the catalogue, and a bad copy names its file and field. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentFileName, contentPath } from '../../src/content.js';
import { CATEGORIES } from '../../src/core/types.js';
import { buildCatalog, slotsFor } from '../../src/intake/slots/catalog.js';
import { evidenceKindsOf } from '../../src/intake/slots/evidence-kinds.js';
import { loadSlotTexts } from '../../src/intake/slots/texts.js';
import { DISTRICTS, PROVINCES, loadPlaceTable } from '../../src/text/place-table.js';

const folder = mkdtempSync(path.join(tmpdir(), 'gongyou-content-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A content file as parsed, to break on purpose. */
type Json = Record<string, any>;

/** A copy of a shipped content file, changed by `edit`, written to the temp folder; returns its path. */
function brokenCopy(name: string, edit: (json: Json) => void): string {
  const json = JSON.parse(readFileSync(contentPath(name), 'utf8')) as Json;
  edit(json);
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

const loadCatalog = (file: string) => buildCatalog(loadSlotTexts(file));

describe('content/places.json', () => {
  it('validates and is the table the place parser uses', () => {
    const table = loadPlaceTable();
    expect(table.provinces).toEqual(PROVINCES);
    expect(table.districts).toEqual(DISTRICTS);
    expect(PROVINCES).toHaveLength(34);
    expect(PROVINCES.filter((p) => p.municipality).map((p) => p.short)).toEqual(['北京', '天津', '上海', '重庆', '香港', '澳门']);
    expect(DISTRICTS.get('深圳')).toContain('南山');
  });

  it('names the file and field of a bad row', () => {
    const file = brokenCopy('places.json', (json) => delete json.provinces[4].short);
    expect(() => loadPlaceTable(file)).toThrow(`${file}: provinces.4.short:`);
    const wrongKind = brokenCopy('places.json', (json) => (json.provinces[0].municipality = 'M'));
    expect(() => loadPlaceTable(wrongKind)).toThrow(/places\.json: provinces\.0\.municipality: .*boolean/);
  });

  it('refuses districts of a city it does not list', () => {
    const file = brokenCopy('places.json', (json) => (json.districts['火星'] = ['奥林匹斯']));
    expect(() => loadPlaceTable(file)).toThrow(`${file}: districts.火星: not a city or municipality of provinces`);
  });
});

describe('content/slots.json', () => {
  it('validates and gives every question of the catalogue its texts', () => {
    expect(() => loadCatalog(contentPath('slots.json'))).not.toThrow();
    for (const category of CATEGORIES) {
      expect(slotsFor(category).length, category).toBeGreaterThan(0);
      for (const slot of slotsFor(category)) {
        const where = `${category}.${slot.id}`;
        for (const text of [slot.label, slot.question]) {
          expect(text['zh-CN'], where).toMatch(/[\u4e00-\u9fff]/);
          expect(text.en, where).toMatch(/[a-z]/i);
        }
        expect(slot.example['zh-CN'] && slot.example.en, where).toBeTruthy();
        expect(slot.aliases.length, where).toBeGreaterThan(0);
        for (const option of slot.kind === 'choice' ? slot.options ?? [] : []) {
          expect(option.label['zh-CN'] && option.label.en, `${where}.${option.id}`).toBeTruthy();
          expect(option.words.length, `${where}.${option.id}`).toBeGreaterThan(0);
        }
      }
    }
  });

  it('asks the same slot differently where a category needs it', () => {
    const question = (category: (typeof CATEGORIES)[number], id: string) => slotsFor(category).find((s) => s.id === id)?.question['zh-CN'];
    expect(question('wages', 'evidence')).toBe(question('termination', 'evidence'));
    expect(question('injury', 'evidence')).not.toBe(question('wages', 'evidence'));
    expect(question('suggestion', 'location')).not.toBe(question('other', 'location'));
    expect(new Set(['conditions', 'platform_rules', 'suggestion', 'other'].map((c) => question(c as 'other', 'details'))).size).toBe(4);
  });

  it('has every evidence kind', () => {
    expect(evidenceKindsOf(loadSlotTexts()).map((k) => k.id)).toContain('pay_records');
  });

  it('names the shipped file as content/slots.json', () => {
    expect(contentFileName(contentPath('slots.json'))).toBe('content/slots.json');
  });

  it('names the file and field of a text of the wrong shape', () => {
    const file = brokenCopy('slots.json', (json) => (json.slots.amountOwed.label = '被欠金额'));
    expect(() => loadSlotTexts(file)).toThrow(`${file}: slots.amountOwed.label:`);
    const extra = brokenCopy('slots.json', (json) => (json.slots.employer.hint = ['提示', 'Hint']));
    expect(() => loadSlotTexts(extra)).toThrow(`${extra}: slots.employer.hint: not a field this file has`);
    const category = brokenCopy('slots.json', (json) => (json.categories.holidays = {}));
    expect(() => loadSlotTexts(category)).toThrow(`${category}: categories.holidays: not a field this file has`);
  });

  it('names the file and field of a text the catalogue needs but the file lacks', () => {
    const question = brokenCopy('slots.json', (json) => delete json.slots.employer.question);
    expect(() => loadCatalog(question)).toThrow(`${question}: slots.employer.question: missing`);
    const details = brokenCopy('slots.json', (json) => delete json.categories.other.details);
    expect(() => loadCatalog(details)).toThrow(`${details}: slots.details.question: missing (needed by category other`);
    const words = brokenCopy('slots.json', (json) => delete json.slots.hospital.words);
    expect(() => loadCatalog(words)).toThrow(`${words}: slots.hospital.words: missing`);
    const option = brokenCopy('slots.json', (json) => delete json.slots.reported.options.told);
    expect(() => loadCatalog(option)).toThrow(`${option}: slots.reported.options.told: missing`);
    const kind = brokenCopy('slots.json', (json) => delete json.evidenceKinds.medical);
    expect(() => loadCatalog(kind)).toThrow(`${kind}: evidenceKinds.medical: missing`);
  });

  it('names texts no question uses (a misspelt id)', () => {
    const slot = brokenCopy('slots.json', (json) => (json.slots.amountOwd = json.slots.amountOwed));
    expect(() => loadCatalog(slot)).toThrow(`${slot}: slots.amountOwd: no question of the catalogue has this id`);
    const category = brokenCopy('slots.json', (json) => (json.categories.wages = { details: json.categories.other.details }));
    expect(() => loadCatalog(category)).toThrow(`${category}: categories.wages.details: category wages does not ask this slot`);
    const option = brokenCopy('slots.json', (json) => (json.slots.reported.options.maybe = json.slots.reported.options.told));
    expect(() => loadCatalog(option)).toThrow(`${option}: slots.reported.options.maybe: unknown id`);
  });

  it('names a file that is not JSON', () => {
    const file = path.join(folder, 'not-json.json');
    writeFileSync(file, '{"slots": ');
    expect(() => loadSlotTexts(file)).toThrow(`${file}: `);
  });
});
