// Builds the demo shop's rows in memory (deterministically, relative to the clock) so
// the seed can write each table with one set-based INSERT.
import { catalog, type CatalogProduct } from './catalog';
import { emailDomains, emailLocalPart, regions } from './people';
import { seededRandom, type Random } from './random';

export const DEMO_CUSTOMERS = 500;
export const DEMO_ORDERS = 1_200;
const DAY = 86_400_000;
const HISTORY_DAYS = 730;

export interface DemoCustomer {
  id: string; email: string; first_name: string; last_name: string; birthday: string; timezone: string;
  marketing_consent: boolean; attributes: Record<string, unknown>; created_at: string;
}
export interface DemoOrder { id: string; customer_id: string; status: string; currency: string; total: number; placed_at: string }
export interface DemoOrderItem {
  order_id: string; line: number; customer_id: string; product_id: string; name: string;
  category: string; brand: string; price: number; quantity: number;
}
export interface DemoShop { customers: DemoCustomer[]; products: CatalogProduct[]; orders: DemoOrder[]; items: DemoOrderItem[] }

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const round2 = (n: number) => Math.round(n * 100) / 100;

function pickRegion(random: Random) {
  let roll = random.next();
  for (const region of regions) {
    roll -= region.weight;
    if (roll < 0) return region;
  }
  return regions[0];
}

function makeCustomers(random: Random, now: Date): DemoCustomer[] {
  return Array.from({ length: DEMO_CUSTOMERS }, (_, i) => {
    const region = pickRegion(random);
    const firstName = random.pick(region.firstNames);
    const lastName = random.pick(region.lastNames);
    const year = random.int(1958, 2006);
    const birthday = `${year}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
    return {
      id: `cust_${pad(i + 1, 4)}`,
      // The running number keeps addresses unique when two customers share a name.
      email: `${emailLocalPart(firstName, lastName)}${i + 1}@${random.pick(emailDomains)}`,
      first_name: firstName,
      last_name: lastName,
      birthday,
      timezone: random.pick(region.timezones),
      marketing_consent: random.chance(0.9),
      attributes: {
        ...(random.chance(0.3) ? { favouriteSport: random.pick(['football', 'running', 'hiking', 'yoga']) } : {}),
        // For the SMS plugin's demo: four in five have a (fictional) mobile number, two in three
        // of those agreed to marketing SMS. Derived from the index, so the random draws (and so the
        // rest of the demo) stay as they were.
        ...(i % 5 !== 4 ? { phone: `+38160${pad(i + 1, 7)}`, smsConsent: i % 3 !== 2 } : {}),
      },
      created_at: new Date(now.getTime() - (HISTORY_DAYS + random.int(1, 60)) * DAY).toISOString(),
    };
  });
}

/** Customers buy unevenly: a few loyal ones place many orders, most place one or two. */
function pickBuyer(random: Random, customers: DemoCustomer[]): DemoCustomer {
  const skewed = Math.floor(Math.pow(random.next(), 1.6) * customers.length);
  return customers[skewed];
}

function orderStatus(ageDays: number, random: Random): string {
  if (ageDays < 2) return 'placed';
  if (ageDays < 6) return 'shipped';
  return random.chance(0.03) ? 'refunded' : 'delivered';
}

export function generateDemoShop(now: Date, seed = 20250601): DemoShop {
  const random = seededRandom(seed);
  const customers = makeCustomers(random, now);
  const orders: DemoOrder[] = [];
  const items: DemoOrderItem[] = [];
  for (let o = 0; o < DEMO_ORDERS; o++) {
    const customer = pickBuyer(random, customers);
    const ageDays = random.next() * HISTORY_DAYS;
    const id = `ord_${pad(o + 1, 5)}`;
    // Buyers mostly stay within one category (what makes interest segments meaningful).
    const home = random.pick(catalog).category;
    const lines = random.int(1, 4);
    let total = 0;
    for (let line = 1; line <= lines; line++) {
      const pool = random.chance(0.75) ? catalog.filter((p) => p.category === home) : catalog;
      const product = random.pick(pool);
      const quantity = product.price > 200 ? 1 : random.int(1, 3);
      total += product.price * quantity;
      items.push({
        order_id: id, line, customer_id: customer.id, product_id: product.id, name: product.name,
        category: product.category, brand: product.brand, price: product.price, quantity,
      });
    }
    orders.push({
      id, customer_id: customer.id, status: orderStatus(ageDays, random), currency: 'EUR',
      total: round2(total), placed_at: new Date(now.getTime() - ageDays * DAY).toISOString(),
    });
  }
  return { customers, products: catalog, orders, items };
}
