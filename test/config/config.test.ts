import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('runs with nothing set: embedded store, port 3000, data under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.env.STORAGE).toBe('embedded');
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.llm).toBeUndefined();
  });

  it('honours GONGYOU_DATA_DIR and treats blank values as unset', () => {
    const c = loadConfig({ GONGYOU_DATA_DIR: '/tmp/gy-x', PORT: '', OPENAI_API_KEY: '  ' });
    expect(c.dataDir).toBe('/tmp/gy-x');
    expect(c.port).toBe(3000);
    expect(c.llm).toBeUndefined();
  });

  it('names the variable and what is valid on a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: use a port number/);
    expect(() => loadConfig({ TELEGRAM_MODE: 'push' })).toThrow(/TELEGRAM_MODE: use webhook or polling/);
    expect(() => loadConfig({ STORAGE: 'shared' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_SCHEMA: 'Gongyou; DROP' })).toThrow(/DATABASE_SCHEMA: use lowercase letters/);
    expect(loadConfig({}).env.DATABASE_SCHEMA).toBe('public');
    expect(() => loadConfig({ WORKING_HOURS_START: '9am' })).toThrow(/WORKING_HOURS_START: use HH:MM/);
    expect(() => loadConfig({ HOLIDAYS: '2026-10-01,十一' })).toThrow(/HOLIDAYS/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: 't', TELEGRAM_MODE: 'webhook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it('reads PUBLIC_URL without its trailing slash and refuses anything but an http(s) address', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://gongyou.example.org/' }).env.PUBLIC_URL).toBe('https://gongyou.example.org');
    expect(loadConfig({ PUBLIC_URL: 'https://union.example.org/gongyou' }).env.PUBLIC_URL).toBe('https://union.example.org/gongyou');
    expect(loadConfig({}).env.PUBLIC_URL).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_URL: 'gongyou.example.org' })).toThrow(/PUBLIC_URL: use the address/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://gongyou.example.org' })).toThrow(/PUBLIC_URL/);
  });

  it('turns on the LLM with a key and keeps any OpenAI-compatible base URL', () => {
    const c = loadConfig({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://localhost:11434/v1', OPENAI_MODEL: 'qwen2.5' });
    expect(c.llm).toEqual({ apiKey: 'k', baseURL: 'http://localhost:11434/v1', model: 'qwen2.5', timeoutMs: 4000 });
  });
});
