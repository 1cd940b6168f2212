// The compliance step on the send path: every queued email's links become signed click
// links (recorded for the redirect), an open pixel and, for marketing, the unsubscribe
// footer and List-Unsubscribe headers are added. Measured per CPU-second on rendered
// starter emails, next to rendering itself, so its share of the send path is visible.
import { buildMergeData, prepareForSending, renderEmail, STARTER_TEMPLATES } from '@afterglow/email';
import { randomUUID } from 'node:crypto';

type Report = (name: string, value: string) => void;
type Target = (name: string, measured: number, goal: number, unit: string, higherIsBetter: boolean) => void;

function perCpuSecond(count: number, work: (i: number) => unknown): number {
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) work(i);
  const used = process.cpuUsage(cpu);
  return count / ((used.user + used.system) / 1e6);
}

export async function complianceBench(quick: boolean, report: Report, target: Target) {
  const template = STARTER_TEMPLATES.find((t) => t.key === 'order-confirmation')!;
  const rendered = await Promise.all(Array.from({ length: 200 }, (_, i) => renderEmail(template, buildMergeData(
    { id: `cust_${i}`, email: `c${i}@example.com`, firstName: `C${i}`, lastName: 'S', timezone: 'UTC', birthday: null, attributes: {} },
    { name: 'Order Completed', properties: { order_id: `o${i}`, total: 30, currency: 'EUR', products: [
      { product_id: 'p1', name: 'Shoe', price: 30, quantity: 1, url: `https://shop.example/p/${i}`, image_url: 'https://shop.example/i.jpg' },
    ] } },
  ))));
  const ids = Array.from({ length: rendered.length }, () => randomUUID());
  const prepare = (i: number) => {
    const k = i % rendered.length;
    return prepareForSending({
      html: rendered[k].html, text: rendered[k].text, kind: 'marketing', topic: 'offers', workspaceId: 'ws_bench',
      customerId: `cust_${k}`, outboxId: ids[k], secret: 'bench-secret', publicUrl: 'https://mail.shop.example',
    });
  };
  const links = prepare(0).links.length;
  for (let i = 0; i < 500; i++) prepare(i); // warm-up
  const rate = perCpuSecond(quick ? 5_000 : 50_000, prepare);
  report(`compliance step/s (${links} tracked links, footer, headers)`, `${rate.toFixed(0)} per CPU-second (${(1e6 / rate).toFixed(0)} µs per email)`);
  // Rendering's own goal is 2,000/s (500 µs per email): the compliance step must stay well under it.
  target('compliance-step-per-s', rate, 5_000, '/s', true);
}
