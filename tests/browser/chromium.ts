// Debian's chromium for the browser tests. When it is missing, a root process on a machine
// with apt installs it; anywhere else the tests fail with the one command to run. They never
// skip: a browser test that does not run has not passed.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';
const DEFAULT_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function isDebianLike(): boolean {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(release);
  } catch {
    return false;
  }
}

function hasApt(): boolean {
  return existsSync('/usr/bin/apt-get');
}

/**
 * The chromium executable: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium,
 * installed with apt first when it is missing and this process may do so.
 */
export function findChromium(): string {
  const wanted = process.env.CHROMIUM_PATH;
  if (wanted) {
    if (existsSync(wanted)) return wanted;
    throw new Error(`CHROMIUM_PATH names ${wanted}, which does not exist. Unset it and run: ${INSTALL_COMMAND}`);
  }
  if (existsSync(DEFAULT_PATH)) return DEFAULT_PATH;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && isDebianLike() && hasApt()) {
    try {
      execFileSync('sh', ['-c', INSTALL_COMMAND], {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: 600_000,
      });
    } catch (error) {
      const output = (error as { stderr?: Buffer }).stderr?.toString().trim();
      throw new Error(`Installing chromium failed (${INSTALL_COMMAND})${output ? `:\n${output}` : ''}`);
    }
    if (existsSync(DEFAULT_PATH)) return DEFAULT_PATH;
    throw new Error(`"${INSTALL_COMMAND}" ran but ${DEFAULT_PATH} is still missing`);
  }
  throw new Error(`The browser tests need Debian's chromium at ${DEFAULT_PATH} (or CHROMIUM_PATH). Run as root: ${INSTALL_COMMAND}`);
}

/** Launches the test browser; the caller closes it. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, ...options });
}

/** How long a hook that may have to install chromium gets. */
export const INSTALL_TIMEOUT = 600_000;
