// Builds the demo shop's rows in memory (deterministically, relative to the clock) so
// the seed can write each table with one set-based INSERT. Customers come from the home markets
// (Serbia in both scripts, Slovenia, Russia: their names, cities, phones, locales, currencies)
// and from abroad (in English); each pays in their market's currency.
import type { Currency } from '@afterglow/i18n';
import { catalog, categoryCycles, demoProducts, type CatalogProduct } from './catalog';
import { localPrice, markets, type Market, type MarketId } from './markets';
import { emailDomains, emailLocalPart, regions } from './people';
import { seededRandom, type Random } from './random';

export const DEMO_CUSTOMERS = 500;
export const DEMO_ORDERS = 1_200;
const DAY = 86_400_000;
const HISTORY_DAYS = 730;

export interface DemoCustomer {
  id: string; email: string; first_name: string; last_name: string; birthday: string; timezone: string;
  /** A canonical BCP 47 tag, as a shop sends it ('sr-Latn-RS', 'ru-RU', 'en-GB'). */
  locale: string;
  marketing_consent: boolean; attributes: Record<string, unknown>; created_at: string;
}
export interface DemoOrder { id: string; customer_id: string; status: string; currency: string; total: number; placed_at: string }
export interface DemoOrderItem {
  order_id: string; line: number; customer_id: string; product_id: string; name: string;
  category: string; brand: string; price: number; quantity: number;
}
export interface DemoShop {
  customers: DemoCustomer[]; products: CatalogProduct[]; orders: DemoOrder[]; items: DemoOrderItem[];
  categoryCycles: { category: string; minDays: number; maxDays: number }[];
}

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

// The first ten customers (the busiest buyers: see pickBuyer) meet every market, so each language
// has customers with orders on the first screen; cust_0001 stays international (English, EUR).
const OPENING: ReadonlyArray<MarketId | null> = [null, 'sr-Cyrl', 'sl', 'ru', 'sr-Latn', null, 'sr-Cyrl', null, 'sl', 'ru'];

function pickMarket(index: number, random: Random): Market | null {
  if (index < OPENING.length) return OPENING[index] ? markets[OPENING[index]] : null;
  let roll = random.next();
  for (const market of Object.values(markets)) {
    roll -= market.weight;
    if (roll < 0) return market;
  }
  return null; // international
}

/**
 * Every customer first draws an international identity from `random`, as the demo always did, so
 * the rest of the shop (orders, buyers) draws the same; a market customer then takes their name,
 * city and phone from `local`, a stream of its own.
 */
function makeCustomers(random: Random, local: Random, now: Date): Array<DemoCustomer & { currency: Currency }> {
  return Array.from({ length: DEMO_CUSTOMERS }, (_, i) => {
    const region = pickRegion(random);
    const international = { firstName: random.pick(region.firstNames), lastName: random.pick(region.lastNames) };
    const year = random.int(1958, 2006);
    const birthday = `${year}-${pad(random.int(1, 12), 2)}-${pad(random.int(1, 28), 2)}`;
    const domain = random.pick(emailDomains);
    const timezone = random.pick(region.timezones);
    const consent = random.chance(0.9);
    const sport = random.chance(0.3) ? { favouriteSport: random.pick(['football', 'running', 'hiking', 'yoga']) } : {};
    const createdAt = new Date(now.getTime() - (HISTORY_DAYS + random.int(1, 60)) * DAY).toISOString();
    const market = pickMarket(i, local);
    const person = market?.person(local) ?? {
      ...international, latin: [international.firstName, international.lastName] as const, timezone,
      city: timezone.split('/')[1].replace(/_/g, ' '), phone: `+38160${pad(i + 1, 7)}`,
    };
    return {
      id: `cust_${pad(i + 1, 4)}`,
      // The running number keeps addresses unique when two customers share a name.
      email: `${emailLocalPart(...person.latin)}${i + 1}@${domain}`,
      first_name: person.firstName,
      last_name: person.lastName,
      birthday,
      timezone: person.timezone,
      locale: market?.locale ?? region.locale,
      marketing_consent: consent,
      attributes: {
        ...sport,
        city: person.city,
        // For the SMS plugin's demo: four in five have a (fictional) mobile number, two in three
        // of those agreed to marketing SMS.
        ...(i % 5 !== 4 ? { phone: person.phone, smsConsent: i % 3 !== 2 } : {}),
      },
      created_at: createdAt,
      currency: market?.currency ?? 'EUR',
    };
  });
}

/** Customers buy unevenly: a few loyal ones place many orders, most place one or two. */
function pickBuyer<C>(random: Random, customers: C[]): C {
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
  const buyers = makeCustomers(random, seededRandom(seed ^ 0x5eed), now);
  const orders: DemoOrder[] = [];
  const items: DemoOrderItem[] = [];
  for (let o = 0; o < DEMO_ORDERS; o++) {
    const customer = pickBuyer(random, buyers);
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
      const price = localPrice(product.price, customer.currency);
      total += price * quantity;
      items.push({
        order_id: id, line, customer_id: customer.id, product_id: product.id, name: product.name,
        category: product.category, brand: product.brand, price, quantity,
      });
    }
    orders.push({
      id, customer_id: customer.id, status: orderStatus(ageDays, random), currency: customer.currency,
      total: round2(total), placed_at: new Date(now.getTime() - ageDays * DAY).toISOString(),
    });
  }
  const customers = buyers.map(({ currency: _paysIn, ...customer }) => customer);
  return { customers, products: demoProducts, orders, items, categoryCycles };
}
