import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger, scrubText } from '../../src/core/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination: stream as never }) };
}

describe('logger redaction', () => {
  it('masks phone and ID numbers inside free text', () => {
    expect(scrubText('我电话13812345678，身份证11010519491231002X')).not.toMatch(/13812345678|11010519491231002X/);
    expect(scrubText('call +86 138 1234 5678')).not.toMatch(/1234 5678/);
    expect(scrubText('欠了3500元，两个月')).toBe('欠了3500元，两个月');
  });

  it('removes names, contacts, message text and tokens from records', () => {
    const { lines, logger } = capture();
    logger.info(
      { contact: { phone: '13812345678', name: '张三' }, senderName: '李四', msg2: '手机13900001111', user: { name: '王五' }, token: 'secret' },
      'case created for 13700001111',
    );
    const out = lines.join('');
    for (const secret of ['13812345678', '张三', '李四', '13900001111', '王五', 'secret', '13700001111']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('case created for');
  });
});
