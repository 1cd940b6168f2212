// The shop's international customers: names and time zones by region, so a demo customer's name,
// email and clock agree (a customer in Asia/Tokyo is called Haruto, not Hank). They shop in
// English. The home markets (Serbia, Slovenia, Russia) are in markets.ts.
export interface Region {
  /** What the shop stores in customers.locale. */
  locale: string;
  timezones: string[];
  firstNames: string[];
  lastNames: string[];
  /** Share of demo customers from this region. */
  weight: number;
}

export const regions: Region[] = [
  {
    locale: 'en-GB',
    weight: 0.5,
    timezones: ['Europe/Berlin', 'Europe/Belgrade', 'Europe/Zagreb', 'Europe/Ljubljana', 'Europe/Vienna', 'Europe/Paris', 'Europe/London', 'Europe/Madrid', 'Europe/Rome', 'Europe/Amsterdam', 'Europe/Stockholm', 'Europe/Warsaw'],
    firstNames: ['Ana', 'Luka', 'Marko', 'Sofia', 'Lukas', 'Emma', 'Jan', 'Eva', 'Nikola', 'Mila', 'Matteo', 'Giulia', 'Lucas', 'Chloé', 'Oliver', 'Amelia', 'Pablo', 'Lucía', 'Sven', 'Elsa', 'Jakub', 'Zuzana', 'Miha', 'Nina', 'Stefan', 'Jelena', 'Tobias', 'Lena', 'Hugo', 'Inès'],
    lastNames: ['Novak', 'Horvat', 'Petrović', 'Jovanović', 'Müller', 'Schmidt', 'Kovač', 'Rossi', 'Bianchi', 'Martin', 'Bernard', 'García', 'López', 'Smith', 'Taylor', 'Johansson', 'Nowak', 'Kowalski', 'de Vries', 'Jansen', 'Krajnc', 'Marković', 'Weber', 'Fischer', 'Dubois'],
  },
  {
    locale: 'en-US',
    weight: 0.3,
    timezones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Toronto', 'America/Mexico_City', 'America/Sao_Paulo', 'America/Buenos_Aires'],
    firstNames: ['James', 'Olivia', 'Liam', 'Ava', 'Noah', 'Mia', 'Ethan', 'Harper', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Gabriel', 'Isabela', 'Owen', 'Chloe', 'Lucas', 'Sophia', 'Daniel', 'Abigail'],
    lastNames: ['Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernández', 'Silva', 'Santos', 'Oliveira', 'Anderson', 'Thomas', 'Moore', 'Clark', 'Lewis', 'Walker', 'Young', 'Wright'],
  },
  {
    locale: 'en',
    weight: 0.2,
    timezones: ['Asia/Tokyo', 'Asia/Seoul', 'Asia/Singapore', 'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Dubai', 'Asia/Bangkok'],
    firstNames: ['Haruto', 'Yui', 'Sota', 'Hina', 'Min-jun', 'Seo-yeon', 'Wei', 'Mei', 'Arjun', 'Priya', 'Rohan', 'Ananya', 'Omar', 'Layla', 'Niran', 'Ploy'],
    lastNames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Kim', 'Lee', 'Park', 'Wang', 'Li', 'Zhang', 'Sharma', 'Patel', 'Gupta', 'Al-Farsi', 'Tan', 'Lim'],
  },
];

/** "Chloé Dubois" → "chloe.dubois", "Đorđe Ilić" → "djordje.ilic": ASCII local part for the email address. */
export function emailLocalPart(firstName: string, lastName: string): string {
  const ascii = (s: string) => s.toLowerCase().replace(/đ/g, 'dj').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '');
  return `${ascii(firstName)}.${ascii(lastName)}`;
}

export const emailDomains = ['example.com', 'example.org', 'example.net', 'mail.example'];
