/**
 * The real command as an operator runs it: start-up with a bad setting,
 * `gongyou users add`, a graceful SIGTERM that finishes work and keeps the data, and a law
 * imported while the bot runs.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEmbeddedStorage } from '../../src/storage/embedded.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/gongyou.js');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'gongyou-proc-'));
  dirs.push(d);
  return d;
}

function run(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** The port the started server logs once it listens (rejects if the process exits first). */
function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c) => {
      buf += c;
      const m = /"port":(\d+)[^\n]*Gongyou is listening/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', () => reject(new Error(`exited early: ${buf}`)));
  });
}

describe('gongyou command', () => {
  it('refuses to start on a bad value and names the variable', async () => {
    const { done } = run(['start'], { GONGYOU_DATA_DIR: tempDir(), PORT: 'eighty' });
    const { code, stderr } = await done;
    expect(code).toBe(78);
    expect(stderr).toMatch(/PORT: use a port number/);
  });

  it('creates a mediator and prints the token once', async () => {
    const dir = tempDir();
    const { done } = run(['users', 'add', '--role', 'mediator', '--name', '李调解员'], { GONGYOU_DATA_DIR: dir });
    const { code, stdout } = await done;
    expect(code).toBe(0);
    const token = /token \(shown once, keep it safe\): (\S+)/.exec(stdout)?.[1];
    expect(token).toBeDefined();
    const storage = await openEmbeddedStorage({ dataDir: dir });
    try {
      expect((await storage.staff.findByToken(token!))?.name).toBe('李调解员');
      const list = await storage.staff.listUsers();
      expect(JSON.stringify(list)).not.toContain(token!);
    } finally {
      await storage.close();
    }
  });

  it('serves, then on SIGTERM stops accepting, finishes and keeps every message', async () => {
    const dir = tempDir();
    const { child, done } = run(['start'], { GONGYOU_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    const port = await listeningPort(child);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const res = await fetch(`${base}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'sig', text: '站长两个月没给我结工资了' }),
    });
    expect(res.status).toBe(200);
    const { replies } = (await res.json()) as { replies: Array<{ id: string }> };
    child.kill('SIGTERM');
    const { code, stdout } = await done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/Gongyou stopped/);
    // personal data never reaches the log
    expect(stdout).not.toContain('站长两个月没给我结工资了');
    const storage = await openEmbeddedStorage({ dataDir: dir });
    try {
      const log = await storage.messages.transcript('web:sig');
      expect(log.map((m) => m.direction)).toEqual(['in', ...replies.map(() => 'out')]);
      expect(await storage.state.get('web:sig')).toMatchObject({ intake: expect.anything() });
    } finally {
      await storage.close();
    }
  });

  it('serves the web chat when Telegram cannot be reached at start, and says the channel is being retried', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const { child, done } = run(['start'], {
      GONGYOU_DATA_DIR: tempDir(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: '123456:TEST',
      TELEGRAM_MODE: 'polling',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closed}`,
    });
    const port = await listeningPort(child);
    const base = `http://127.0.0.1:${port}`;
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', channels: { telegram: 'retrying' } });
    const res = await fetch(`${base}/api/web/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'tg-down', text: '你好' }),
    });
    expect(res.status).toBe(200);
    child.kill('SIGTERM');
    const { code, stdout } = await done;
    expect(code).toBe(0);
    expect(stdout).toMatch(/channel could not start; the other channels run/);
  }, 30_000);

  it('answers from a law an admin imports while it runs, without a restart', async () => {
    const dir = tempDir();
    const laws = tempDir();
    for (const name of ['劳动合同法.md', '工伤保险条例.md']) copyFileSync(path.join(process.env.GONGYOU_CORPUS_DIR ?? path.join(root, '../shared/corpus'), name), path.join(laws, name));
    const first = await run(['kb', 'import', path.join(laws, '劳动合同法.md')], { GONGYOU_DATA_DIR: dir }).done;
    expect(first.code).toBe(0);
    const { child, done } = run(['start'], { GONGYOU_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', KB_RELOAD_SECONDS: '1' });
    let log = '';
    child.stdout!.on('data', (c) => (log += c));
    const port = await listeningPort(child);
    // The answer quotes the articles it found; a law not imported is only named in its sources line.
    const quoted = '《工伤保险条例》第十四条：“';
    const ask = async (userId: string): Promise<string> => {
      const res = await fetch(`http://127.0.0.1:${port}/api/web/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, text: '送外卖路上被车撞了，这算不算工伤？' }),
      });
      const { replies } = (await res.json()) as { replies: Array<{ text: string }> };
      return replies.map((reply) => reply.text).join('\n');
    };
    expect(await ask('before')).not.toContain(quoted);
    const second = await run(['kb', 'import', path.join(laws, '工伤保险条例.md')], { GONGYOU_DATA_DIR: dir }).done;
    expect(second.code).toBe(0);
    await vi.waitFor(() => expect(log).toMatch(/knowledge base reloaded/), { timeout: 15_000, interval: 100 });
    expect(await ask('after')).toContain(quoted);
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  }, 60_000);
});
