/**
 * Global setup of the e2e tier: the browser tests drive Debian's Chromium, so when it is missing this
 * installs the `chromium` package with apt-get (never a browser downloaded from anywhere else) and
 * stops the run with what to do when that is not possible.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/** Where the browser tests look for Chromium (test/adapters/web/browser.ts reads the same variable). */
const CHROMIUM_PATH = process.env.GONGYOU_CHROMIUM ?? '/usr/bin/chromium';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Run apt-get quietly; its output is shown only when it fails. */
function aptGet(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`;
  return { ok: result.status === 0, output };
}

function cannot(reason: string): Error {
  return new Error(
    `The e2e tests need Chromium at ${CHROMIUM_PATH} and ${reason}.\n` +
      'Install Debian\'s package as root (apt-get install -y chromium), or point GONGYOU_CHROMIUM at a Chromium ' +
      'executable, then run the tests again. The tests never download a browser.',
  );
}

/** Make sure Chromium is there before any e2e test file starts. */
export default function ensureChromium(): void {
  if (isExecutable(CHROMIUM_PATH)) return;
  if (process.env.GONGYOU_CHROMIUM) throw cannot('GONGYOU_CHROMIUM names no executable file');
  if (process.platform !== 'linux' || !isExecutable('/usr/bin/apt-get')) throw cannot('this machine has no apt-get to install it with');
  if (process.getuid?.() !== 0) throw cannot('installing it with apt-get needs root');

  console.log(`${CHROMIUM_PATH} is missing: installing Debian's chromium package with apt-get`);
  let attempt = aptGet(['install', '-y', 'chromium']);
  if (!attempt.ok) {
    // a fresh machine often has no package lists yet
    const update = aptGet(['update']);
    attempt = update.ok ? aptGet(['install', '-y', 'chromium']) : update;
  }
  if (!attempt.ok || !isExecutable(CHROMIUM_PATH)) {
    const tail = attempt.output.trim().split('\n').slice(-15).join('\n');
    throw cannot(`apt-get could not install it:\n${tail}\n`);
  }
  console.log(`installed ${CHROMIUM_PATH}`);
}
