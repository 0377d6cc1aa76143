import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium, which the browser tests drive (playwright-core downloads no browser). */
const chromiumPath = '/usr/bin/chromium';
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page requested, in order. */
  requested: string[];
  /** What the console reported of Content-Security-Policy violations. */
  cspViolations: string[];
  close(): Promise<void>;
}

/** The test stack's API as the browser reaches it: 127.0.0.1 itself, so "localhost" resolution plays no part. */
export const browserBaseUrl = (): string => inject('apiUrl').replace('//localhost:', '//127.0.0.1:');

/** Chromium with a throwaway profile and one page that records its requests and CSP violations. */
export async function launchChromium(
  options: { viewport?: { width: number; height: number }; mobile?: boolean } = {},
): Promise<ChromiumPage> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'whatsapp-hub-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    ...(options.viewport ? { viewport: options.viewport, deviceScaleFactor: 1 } : {}),
    ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Well inside the test timeout, so a missing element fails with its locator named.
  page.setDefaultTimeout(10_000);
  const requested: string[] = [];
  const cspViolations: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  return {
    page,
    context,
    requested,
    cspViolations,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The requests that left the origins named (web schemes only: `data:` and `blob:` stay in the page). */
export function requestsOutside(requested: readonly string[], origins: readonly string[]): string[] {
  return requested.filter((url) => {
    const { protocol, origin } = new URL(url);
    return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && !origins.includes(origin);
  });
}
