// Email rendering figures: personalised renders/s on one core with MJML compiled once per
// template version (the send path), against compiling the MJML again for every message.
// Pure CPU, no database: one Node thread is one core.
import { buildMergeData, renderEmail, STARTER_TEMPLATES, type MergeData } from '@afterglow/email';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

/** A different customer and order per message, so every render really personalises. */
function dataFor(i: number): MergeData {
  const products = Array.from({ length: 3 }, (_, k) => ({
    product_id: `p${(i + k) % 59}`, name: `Product <${i}-${k}> & "friends"`, price: 10 + k * 7.5, quantity: 1 + (k % 2),
    url: `https://shop.example/p/${k}`, image_url: `https://shop.example/img/${k}.jpg`,
  }));
  return buildMergeData(
    { id: `cust_${i}`, email: `c${i}@example.com`, firstName: `Customer${i}`, lastName: 'Smith', timezone: 'UTC', birthday: null, attributes: {} },
    { name: 'Order Completed', properties: { order_id: `order_${i}`, total: 60, currency: 'EUR', products } },
    { name: 'Demo Shop', url: 'https://shop.example' },
    {
      loyalty: { points: i % 900, lifetimePoints: i % 2000, tier: 'Silver', tierId: 'silver', benefits: '', basis: 'points', nextTier: 'Gold', nextTierBenefits: '', toNextTier: 100, pointsToNextTier: 100, spendToNextTier: 0 },
      recommendations: Array.from({ length: 3 }, (_, k) => ({
        productId: `r${k}`, name: `Recommended ${k}`, category: 'Running', price: 19.9, imageUrl: '', url: `https://shop.example/r/${k}`, boughtTogether: 5 - k,
      })),
    },
  );
}

// Merge data is built before timing: the engine builds it for every email either way, and
// the figure is about rendering. A thousand distinct customers keep the renders honest.
const customers = Array.from({ length: 1_000 }, (_, i) => dataFor(i));

interface Rate { wall: number; cpu: number }

/**
 * Renders per second of wall time, and per second of this process's CPU time: on a busy
 * machine (other processes on the same cores) the CPU figure is what one core does.
 */
async function rate(count: number, render: (i: number) => Promise<unknown>): Promise<Rate> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) await render(i);
  const used = process.cpuUsage(cpu);
  return { wall: count / ((performance.now() - started) / 1000), cpu: count / ((used.user + used.system) / 1e6) };
}

export async function emailBench(quick: boolean, report: Report, target: Target) {
  const template = STARTER_TEMPLATES.find((t) => t.key === 'order-confirmation')!;
  await renderEmail(template, customers[0]); // compiles once, as the first email of a template version does
  for (let i = 0; i < 200; i++) await renderEmail(template, customers[i]); // warm-up
  const compiledOnce = await rate(quick ? 2_000 : 20_000, (i) => renderEmail(template, customers[i % customers.length]));
  // The baseline: what a naive sender does, MJML → HTML for each message, then the merge. A
  // body unique per message misses the compile cache, so renderEmail compiles it every time.
  const perMessage = await rate(quick ? 20 : 100, (i) =>
    renderEmail({ ...template, body: template.body.replace('<mj-body', `<mj-body css-class="m${i}"`) }, customers[i % customers.length]));
  const both = (r: Rate) => `${r.cpu.toFixed(0)} per CPU-second (${r.wall.toFixed(0)} per wall second)`;
  report('email renders/s, MJML compiled once, 1 core', both(compiledOnce));
  report('email renders/s, MJML compiled per message', both(perMessage));
  report('compiled once vs per message', `${(compiledOnce.cpu / perMessage.cpu).toFixed(0)}× faster`);
  target('personalised-email-renders-per-s', compiledOnce.cpu, 2_000, '/s', true);
}
