import { existsSync } from 'node:fs'

/** Debian's Chromium where installed (CI installs it); Playwright's own browser elsewhere. */
const systemChromium = '/usr/bin/chromium'

/**
 * How every Playwright run here starts Chromium (the e2e suite, the benches, the diagram sheets): no sandbox (CI
 * runs as root), no GPU, and none of the background traffic an offline machine cannot answer.
 */
export const chromiumLaunchOptions = {
  ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}
