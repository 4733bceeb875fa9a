import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { repoRoot } from './app-host';
import { chromiumArgs, findChromium } from './chromium';

/** Opens a review link in Debian's Chromium, lets the test act like the reviewer, screenshots the result. */
export async function asReviewer(url: string, screenshot: string, act: (page: Page) => Promise<void>): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await act(page);
    await page.getByText('Decision recorded').waitFor();
    const dir = path.join(repoRoot, 'test-output');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, screenshot), fullPage: true });
  } finally {
    await browser.close();
  }
}
