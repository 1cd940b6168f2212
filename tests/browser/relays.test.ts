// The Relay webhooks section of Settings in Chromium: an owner sets Postmark's password (a short
// one refused under the field, in the user's language) and an SES topic, sees them set by their
// last characters, removes one; screenshots in English and Russian, nothing overflowing.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ARTIFACTS, overflowing, pickLanguage, useAppInBrowser } from './browser';

const env = useAppInBrowser();

it('an owner sets up relay webhooks; refusals are named in the user\'s language', { timeout: 120_000 }, async () => {
  const { page, app } = env;
  await env.logIn();
  await page.goto(`${app.url}/settings`);
  const postmark = page.getByTestId('relay-postmark');
  await postmark.getByText('Not set up').waitFor();
  await postmark.getByPlaceholder('Webhook password').fill('short');
  await postmark.getByRole('button', { name: 'Save' }).click();
  await postmark.getByText('password must be at least 16 characters').waitFor();
  await postmark.getByPlaceholder('Webhook password').fill('relay-password-0123456789');
  await postmark.getByRole('button', { name: 'Save' }).click();
  await postmark.getByText('Set: …6789').waitFor();

  const ses = page.getByTestId('relay-ses');
  await ses.getByPlaceholder('SNS topic ARNs, separated by commas').fill('arn:aws:sns:eu-west-1:123456789012:ses-bounces');
  await ses.getByRole('button', { name: 'Save' }).click();
  await ses.getByText('Set: arn:aws:sns:eu-west-1:123456789012:ses-bounces').waitFor();
  const [row] = await app.database.sql`select ses_topic_arns, postmark_password from bounce_relays where workspace_id = ${env.demo.workspaceId}`;
  expect(row.ses_topic_arns).toEqual(['arn:aws:sns:eu-west-1:123456789012:ses-bounces']);
  expect(row.postmark_password).toMatch(/^enc:/);

  const section = page.locator('section[aria-labelledby="relays-title"]');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: path.join(ARTIFACTS, 'settings-relays-en.png') });
  expect(await overflowing(page, 'section[aria-labelledby="relays-title"] *')).toEqual([]);

  await pickLanguage(page, 'ru');
  await page.goto(`${app.url}/settings`);
  const mailgun = page.getByTestId('relay-mailgun');
  await mailgun.getByPlaceholder('Ключ подписи HTTP-вебхуков').fill('short');
  await mailgun.getByRole('button', { name: 'Сохранить' }).click();
  await mailgun.getByText('Ключ подписи — не короче 8 символов').waitFor();
  await page.getByTestId('relay-postmark').getByRole('button', { name: 'Удалить' }).click();
  await page.getByTestId('relay-postmark').getByText('Не настроено').waitFor();
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: path.join(ARTIFACTS, 'settings-relays-ru.png') });
  expect(await overflowing(page, 'section[aria-labelledby="relays-title"] *')).toEqual([]);
  await pickLanguage(page, 'en');
});
