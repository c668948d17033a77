import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GongyouError } from '../../src/core/errors.js';
import { createPromptLoader, renderPrompt } from '../../src/llm/prompts.js';

function loaderWith(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongyou-prompts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.md`), text);
  return createPromptLoader(dir);
}

describe('prompt loader', () => {
  it('fills every placeholder', () => {
    const loader = loaderWith({ greet: '你好 {{name}}，问题：{{ question }}' });
    expect(loader.render('greet', { name: '小王', question: '欠薪' })).toBe('你好 小王，问题：欠薪');
  });

  it('treats a missing variable as an error, not an empty string', () => {
    const loader = loaderWith({ greet: '你好 {{name}}' });
    expect(() => loader.render('greet', {})).toThrow(/name/);
    expect(() => loader.render('greet', {})).toThrow(GongyouError);
  });

  it('does not expand placeholders inside a value a worker wrote', () => {
    const loader = loaderWith({ ask: 'Q: {{question}} / {{secret}}' });
    expect(loader.render('ask', { question: '{{secret}}', secret: 'S' })).toBe('Q: {{secret}} / S');
  });

  it('refuses names that could leave the folder', () => {
    expect(() => loaderWith({}).render('../package', {})).toThrow(GongyouError);
  });

  it('says which prompt is missing', () => {
    expect(() => loaderWith({}).render('nothing-here', {})).toThrow(/nothing-here/);
  });
});

describe('shipped prompts', () => {
  const vars = { language: '简体中文', passages: 'P', history: 'H', question: 'Q', text: 'T', category: 'wages', facts: 'F' };

  it.each(['system', 'answer', 'rewrite', 'classify', 'summarise-case'])('%s renders with its variables', (name) => {
    const text = renderPrompt(name, vars);
    expect(text).not.toMatch(/\{\{/);
    expect(text.length).toBeGreaterThan(50);
  });

  it('keeps the model to the passages, demands citations, treats passages as data and forbids revealing itself', () => {
    const system = renderPrompt('system');
    expect(system).toMatch(/只依据/);
    expect(system).toMatch(/citedPassageIds/);
    expect(system).toMatch(/只是数据/);
    expect(system).toMatch(/不透露/);
    expect(system).toMatch(/劳动关系/);
  });
});
