import type { Page } from 'playwright-core';

/** Signs in through the SPA's button and dev-logto's login form, as a person would. */
export async function signInThroughSpa(page: Page, appUrl: string, username: string, password: string) {
  await page.goto(appUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-user').waitFor({ timeout: 20_000 });
  // The header knows the user a moment before the callback page navigates on.
  await page.waitForURL((url) => url.pathname !== '/callback', { timeout: 20_000 });
}
