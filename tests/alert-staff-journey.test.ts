// Alert staff end to end (issue 15, the negative-review rescue): a review event runs the journey in
// the real engine, the alert reaches the managers over real SMTP in each one's language with the
// review's text and rating and a link to the customer, whatever the customer's consent, quiet
// hours or frequency cap; the journey's hourly limit holds (and frees after an hour); a team
// address outside the workspace is refused; a batch that crashes before commit sends nothing and
// its retry sends each alert once. (Here, not in the node's folder: @afterglow/testing depends on
// @afterglow/nodes, and a dev dependency back would make the workspace's packages a cycle.)
import { alertStaff, triggerOnEvent } from '@afterglow/nodes';
import { createJourneyTest, type JourneyTest, type PublishedJourney } from '@afterglow/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';

let t: JourneyTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A Slovenian shop that sends no marketing now (quiet all day, capped), with two managers and a marketer. */
async function shop(): Promise<JourneyTest> {
  t = await createJourneyTest({
    start: '2026-03-02T09:00:00Z',
    settings: {
      shop: { name: 'Trgovina', url: 'https://trgovina.example', locale: 'sl' },
      testRecipients: ['care@trgovina.example'],
      quietHours: { enabled: true, startHour: 0, endHour: 23 },
      frequencyCap: { enabled: true, maxEmails: 1, perDays: 7 },
    },
  });
  for (const [id, email, role, locale] of [
    ['usr_ana', 'ana@trgovina.example', 'manager', 'sr-Latn'], ['usr_bor', 'bor@trgovina.example', 'manager', null],
    ['usr_mia', 'mia@trgovina.example', 'marketer', 'en'],
  ] as const) {
    await t.database.sql`insert into users (id, workspace_id, email, name, password_hash, role, locale)
      values (${id}, ${t.workspaceId}, ${email}, ${id}, 'x:y', ${role}, ${locale})`;
  }
  return t;
}

function rescue(test: JourneyTest, config: Partial<z.input<typeof alertStaff.config>>): Promise<PublishedJourney> {
  return test.publish(test.journey()
    .trigger(triggerOnEvent, { event: 'Review Submitted' })
    .then(alertStaff, config, { id: 'alert' }));
}

async function review(test: JourneyTest, customer: string, text: string) {
  await test.identify(customer, { email: `${customer}@mail.example`, firstName: 'Jana', lastName: customer, marketingConsent: false });
  await test.track(customer, 'Review Submitted', { rating: 1, text, order_id: `o-${customer}`, total: 42.5, currency: 'EUR' });
}

describe('Alert staff', () => {
  it('emails each manager in their language with the review, within the hourly limit', async () => {
    const test = await shop();
    const j = await rescue(test, { to: 'role', role: 'manager', perHour: 2, note: 'Call today' });
    await review(test, 'c1', 'Broken <script>x</script> on arrival');
    await review(test, 'c2', 'Late');
    await review(test, 'c3', 'Wrong size');

    const [ana] = test.emails('ana@trgovina.example');
    expect(test.emails('ana@trgovina.example')).toHaveLength(2);
    expect(ana.subject).toBe('Upozorenje: Review Submitted – Jana c1');
    expect(ana.text).toContain('Broken <script>x</script> on arrival');
    expect(ana.html).toContain('Broken &#60;script&#62;x&#60;/script&#62; on arrival');
    expect(ana.text).toContain('rating: 1');
    expect(ana.text).toContain('Porudžbina: o-c1');
    expect(ana.text).toContain(`${test.publicUrl}/customers/c1`);
    expect(ana.headers['list-unsubscribe']).toBeUndefined();
    const [bor] = test.emails('bor@trgovina.example');
    expect(bor.subject).toBe('Opozorilo: Review Submitted – Jana c1');
    expect(test.emails('bor@trgovina.example')).toHaveLength(2);
    // Each recipient's own Message-ID, spelling its outbox row's effect key (run:node.alert.<hash>).
    expect(ana.headers['message-id']).toMatch(/^<[0-9a-f-]{36}\.alert\.alert\.[0-9a-f]{16}@afterglow>$/);
    expect(bor.headers['message-id']).not.toBe(ana.headers['message-id']);
    const [row] = await test.database.sql`select effect_key from email_outbox where message_id = ${ana.headers['message-id']}`;
    expect(`<${row.effect_key.replace(':', '.')}@afterglow>`).toBe(ana.headers['message-id']);
    expect(test.emails('mia@trgovina.example')).toHaveLength(0);
    expect(test.emails('c1@mail.example')).toHaveLength(0);
    expect(await test.counters(j, 'alert')).toMatchObject({ alerts: 2, limited: 1, emails: 4 });

    await test.advance('61 minutes');
    await review(test, 'c4', 'Scratched');
    expect(test.emails('ana@trgovina.example').map((m) => m.subject)).toContain('Upozorenje: Review Submitted – Jana c4');
    expect(await test.counters(j, 'alert')).toMatchObject({ alerts: 3, limited: 1, emails: 6 });

    // Erasing the customer erases the alerts about them, never the team's addresses.
    await test.api.customers.erase({ id: 'c1', confirm: 'c1' });
    const alerts = await test.database.sql`select to_address, html from email_outbox where kind = 'alert'`;
    expect(alerts.filter((r) => r.html === null)).toHaveLength(2); // c1's alert, to both managers
    expect(alerts.filter((r) => r.html?.includes('Jana c1<'))).toEqual([]);
    const [{ team }] = await test.database.sql`select count(*)::int as team from hashed_suppressions
      where address_hash in (afterglow_address_hash('ana@trgovina.example'), afterglow_address_hash('bor@trgovina.example'))`;
    expect(team).toBe(0);
  });

  it('sends to a listed team address in the shop language, and refuses an address outside the workspace', async () => {
    const test = await shop();
    await rescue(test, { to: 'address', address: 'care@trgovina.example' });
    await review(test, 'c1', 'Late');
    const [care] = test.emails('care@trgovina.example');
    expect(care.subject).toBe('Opozorilo: Review Submitted – Jana c1');

    const leak = await test.publish(test.journey()
      .trigger(triggerOnEvent, { event: 'Review Submitted' })
      .then(alertStaff, { to: 'address', address: 'someone@elsewhere.example' }, { id: 'alert' }));
    await review(test, 'c2', 'Late');
    const [run] = await test.runs(leak);
    expect(run.status).toBe('failed');
    expect(test.emails('someone@elsewhere.example')).toHaveLength(0);
  });

  it('sends nothing from a batch that crashes before commit, and each alert once on the retry', async () => {
    const test = await shop();
    const j = await rescue(test, { to: 'role', role: 'manager', perHour: 1 });
    await test.database.sql`create function alert_crash() returns trigger language plpgsql as $$
      begin raise exception 'simulated crash before commit'; end $$`;
    await test.database.sql`create trigger alert_crash after insert on email_outbox for each statement execute function alert_crash()`;
    await test.identify('c1', { email: 'c1@mail.example', firstName: 'Jana', lastName: 'c1' });
    await expect(test.track('c1', 'Review Submitted', { rating: 2, text: 'Meh' })).rejects.toThrow('simulated crash before commit');
    expect(test.emails()).toHaveLength(0);

    await test.database.sql`drop trigger alert_crash on email_outbox`;
    await test.settle();
    await test.advance('5 minutes');
    expect(test.emails('ana@trgovina.example')).toHaveLength(1);
    expect(test.emails('bor@trgovina.example')).toHaveLength(1);
    // The crashed batch's slot came back: the retry was sent, not rate limited.
    expect(await test.counters(j, 'alert')).toMatchObject({ alerts: 1, emails: 2 });
    expect(await test.counters(j, 'alert')).not.toHaveProperty('limited');
  });
});
