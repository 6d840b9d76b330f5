// Debian's Chromium driven by playwright-core (Playwright's own browser downloads fail here).
// Every host name but 127.0.0.1 resolves to nothing, so a request that leaves the site fails at
// once instead of hanging on the closed network; `watchContext` records each such attempt.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';
import { INSTALL_HINT } from './nginx.ts';

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** The flags the developers' guide gives, plus the resolver rule that keeps traffic on loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const LOOPBACK_HOST = '127.0.0.1';

/** Throws the install hint when Debian's Chromium is not on this machine. Tests must not skip. */
export function requireChromium(bin: string = CHROMIUM): string {
  if (!existsSync(bin)) {
    throw new Error(`Chromium not found at ${bin}; install it with: ${INSTALL_HINT}`);
  }
  return bin;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = requireChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    chromiumSandbox: false,
    timeout: 60_000,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

export interface PageProblem {
  /** the page (document URL) where it happened */
  page: string;
  detail: string;
}

export interface ContextWatch {
  /** requests to any host but 127.0.0.1 (blocked by the resolver rule, reported here) */
  offsite: PageProblem[];
  /** console.error messages and uncaught page errors */
  consoleErrors: PageProblem[];
  /** sub-resources on loopback that failed or answered >= 400 */
  brokenResources: PageProblem[];
  /** forget everything recorded so far (e.g. after an expected 404) */
  clear(): void;
}

/** True for URLs that travel over the network to a host other than 127.0.0.1. */
export function isOffsite(url: string): boolean {
  let parsed: URL;
  try { parsed = new URL(url); } catch { return true; }
  if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(parsed.protocol)) return false; // data:, blob:, about:
  return parsed.hostname !== LOOPBACK_HOST;
}

/** Record off-site requests, console errors and broken sub-resources in every page of `context`. */
export function watchContext(context: BrowserContext): ContextWatch {
  const watch: ContextWatch = {
    offsite: [],
    consoleErrors: [],
    brokenResources: [],
    clear() {
      watch.offsite.length = 0;
      watch.consoleErrors.length = 0;
      watch.brokenResources.length = 0;
    },
  };
  const pageOf = (frameUrl: string | undefined) => frameUrl || '(unknown page)';
  context.on('request', (request) => {
    if (isOffsite(request.url())) {
      let page: string | undefined;
      try { page = request.frame().url(); } catch { /* service worker or detached frame */ }
      watch.offsite.push({ page: pageOf(page), detail: `${request.method()} ${request.url()}` });
    }
  });
  context.on('requestfailed', (request) => {
    if (isOffsite(request.url())) return; // already counted as off-site
    let page: string | undefined;
    try { page = request.frame().url(); } catch { /* detached */ }
    watch.brokenResources.push({ page: pageOf(page), detail: `${request.url()} failed: ${request.failure()?.errorText}` });
  });
  context.on('response', (response) => {
    const request = response.request();
    if (request.isNavigationRequest() || response.status() < 400) return; // navigations are checked by the crawler
    let page: string | undefined;
    try { page = request.frame().url(); } catch { /* detached */ }
    watch.brokenResources.push({ page: pageOf(page), detail: `${response.url()} answered ${response.status()}` });
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const location = message.location();
    watch.consoleErrors.push({
      page: pageOf(message.page()?.url()),
      detail: `${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ''}`,
    });
  });
  context.on('weberror', (error) => {
    watch.consoleErrors.push({ page: pageOf(error.page()?.url()), detail: `uncaught: ${error.error().message}` });
  });
  return watch;
}
