// The demo shop's catalogue: a sports-and-lifestyle store, varied enough for segments by
// category and brand (a Red Star jersey buyer, a cosmetics re-buyer, a laptop buyer), with the
// playbook's buying cycles for replenishment: cosmetics last 8-12 weeks, industrial goods
// (the workshop supplies of the trade counter) 12-14 months.
export interface CatalogProduct {
  id: string;
  sku: string;
  name: string;
  category: string;
  brand: string;
  price: number;
  imageUrl: string;
  url: string;
  /** How long one lasts, in days (products.buying_cycle_min_days/_max_days); null: not known. */
  buyingCycleMinDays: number | null;
  buyingCycleMaxDays: number | null;
}

export const SHOP_URL = 'https://shop.example';

// [category, [brand, name, price][]]
const lines: Array<[string, Array<[string, string, number]>]> = [
  ['Football', [
    ['Adidas', 'Red Star Home Jersey 2025', 89.95], ['Adidas', 'Red Star Away Jersey 2025', 89.95],
    ['Nike', 'Flight Match Ball', 139.0], ['Puma', 'Future Ultimate FG Boots', 219.0],
    ['Nike', 'Mercurial Vapor Boots', 249.0], ['Select', 'Goalkeeper Gloves Pro', 59.9],
    ['Adidas', 'Shin Guards Tiro', 24.95], ['Puma', 'Training Bib Set (10)', 34.5],
    ['Adidas', 'Red Star Scarf', 19.9], ['Nike', 'Academy Training Shorts', 29.95],
  ]],
  ['Running', [
    ['Asics', 'Gel-Nimbus 26', 189.9], ['Brooks', 'Ghost 16', 159.95], ['Hoka', 'Clifton 9', 149.0],
    ['Garmin', 'Forerunner 265', 449.99], ['Nike', 'Dri-FIT Running Tee', 34.95],
    ['On', 'Cloudmonster', 179.95], ['Salomon', 'Active Skin 8 Vest', 139.0],
    ['CEP', 'Compression Socks', 39.9], ['Asics', 'Road Running Shorts', 44.95],
  ]],
  ['Outdoor', [
    ['The North Face', 'Summit Down Jacket', 349.0], ['Patagonia', 'Torrentshell 3L Jacket', 179.0],
    ['Black Diamond', 'Trail Trekking Poles', 119.95], ['Osprey', 'Talon 22 Daypack', 129.9],
    ['Salewa', 'Mountain Trainer Mid GTX', 229.0], ['MSR', 'PocketRocket 2 Stove', 54.95],
    ['Petzl', 'Actik Core Headlamp', 69.9], ['Deuter', 'Aircontact Lite 50+10', 199.0],
    ['Nikwax', 'Leather Care Kit', 19.5],
  ]],
  ['Cosmetics', [
    ['La Roche-Posay', 'Anthelios SPF 50 Sun Cream', 21.9], ['The Ordinary', 'Niacinamide 10% Serum', 8.9],
    ['Weleda', 'Skin Food Cream', 14.95], ['CeraVe', 'Hydrating Cleanser', 13.5],
    ['Nivea', 'Men Sensitive Shaving Gel', 5.95], ['Clinique', 'Moisture Surge 100H', 39.0],
    ['Kiehl’s', 'Ultra Facial Cream', 34.0], ['Aesop', 'Resurrection Hand Balm', 31.0],
    ['Bioderma', 'Sensibio H2O Micellar Water', 16.9],
  ]],
  ['Books', [
    ['Penguin', 'Born to Run (Christopher McDougall)', 14.99], ['Faber', 'Inverting the Pyramid (Jonathan Wilson)', 18.99],
    ['Vintage', 'What I Talk About When I Talk About Running (Haruki Murakami)', 12.99],
    ['Mountaineers', 'Mountaineering: The Freedom of the Hills', 39.95], ['Penguin', 'Into Thin Air (Jon Krakauer)', 11.99],
    ['Yellow Jersey', 'The Numbers Game (Anderson & Sally)', 13.99], ['Chelsea Green', 'The Skincare Bible (Anjali Mahto)', 16.99],
    ['O’Reilly', 'Eat & Run (Scott Jurek)', 15.99],
  ]],
  ['Electronics', [
    ['Sony', 'WH-1000XM5 Headphones', 379.0], ['Sony', 'Alpha 7 IV Camera Body', 2499.0],
    ['Sony', 'FE 24-105mm F4 Lens', 1299.0], ['Sony', 'NP-FZ100 Battery', 79.0],
    ['SanDisk', 'Extreme PRO 128GB SD Card', 44.9], ['GoPro', 'HERO12 Black', 429.99],
    ['Apple', 'AirPods Pro (2nd gen)', 279.0], ['Lenovo', 'ThinkPad X1 Carbon Gen 12', 1899.0],
    ['Anker', 'PowerCore 20000 Power Bank', 49.99],
  ]],
  ['Home', [
    ['Stanley', 'Classic Vacuum Bottle 1L', 44.95], ['Yeti', 'Rambler 20oz Tumbler', 39.0],
    ['Hydro Flask', 'Wide Mouth 32oz Bottle', 49.95], ['Theragun', 'Mini Massage Gun', 199.0],
    ['Manduka', 'PRO Yoga Mat', 129.0],
  ]],
];

// The trade counter's workshop supplies: in the catalogue (and its category's cycle) but not in
// the generated order history, which stays the one every demo test knows.
const tradeLines: typeof lines = [
  ['Industrial', [
    ['Kärcher', 'HEPA Filter Set for Workshop Vacuums', 49.9], ['3M', '6057 Respirator Cartridges (10 pairs)', 89.0],
    ['Makita', 'Compressor Intake Filter', 24.5], ['Würth', 'Multi-Purpose Grease 5 kg', 64.0],
    ['Bosch', 'Circular Saw Blades 190 mm (5 pack)', 79.0],
  ]],
];

/** Cycles per product by category: 8-12 weeks for cosmetics. */
const productCycles: Record<string, [number, number]> = { Cosmetics: [56, 84] };

/** The categories' own cycles, for products without one: industrial goods 12-14 months. */
export const categoryCycles = [
  { category: 'Cosmetics', minDays: 56, maxDays: 84 },
  { category: 'Industrial', minDays: 365, maxDays: 426 },
];

const slug = (s: string) => s.normalize('NFD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[\s_-]+/g, '-');

const productsOf = (rows: typeof lines, first: number): CatalogProduct[] => rows.flatMap(([category, items], n) =>
  items.map(([brand, name, price], i) => {
    const c = first + n;
    const id = `prod_${String(c * 100 + i + 1).padStart(4, '0')}`;
    const cycle = productCycles[category];
    return {
      id,
      sku: `${category.slice(0, 3).toUpperCase()}-${brand.replace(/[^A-Za-z]/g, '').slice(0, 4).toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
      name,
      category,
      brand,
      price,
      imageUrl: `https://picsum.photos/seed/${id}/400/400`,
      url: `${SHOP_URL}/products/${slug(name)}`,
      buyingCycleMinDays: cycle?.[0] ?? null,
      buyingCycleMaxDays: cycle?.[1] ?? null,
    };
  }),
);

/** What the generated orders are drawn from. */
export const catalog: CatalogProduct[] = productsOf(lines, 0);
/** Every product of the shop: the catalogue and the trade counter. */
export const demoProducts: CatalogProduct[] = [...catalog, ...productsOf(tradeLines, lines.length)];
