// The words of the starters, one table per language (texts/*.ts), so a body builder per starter
// writes the same MJML in every language and a translator edits one file without touching
// markup. Values may hold Liquid merge fields and inline HTML (<strong>); every language keeps
// the English one's merge fields (the starters' test checks it).

/** The layout's own words: the shell around every starter. */
export interface LayoutTexts {
  /** The html lang attribute. */
  lang: string;
  /** Why the customer gets the email, under the shop's address. */
  footer: string;
}

/** A link into the shop, styled as the starters style links: `link('blog', 'our blog')`. */
export type ShopLink = (path: string, label: string) => string;

interface EmailTexts {
  /** What the Templates page calls the starter, and the name of a template made from it. */
  name: string;
  /** One line on what it is for, in the starter picker. */
  description: string;
  subject: string;
  preheader: string;
  /** The document's title (the browser tab when opened as a page). */
  title: string;
}

export interface StarterTexts {
  layout: LayoutTexts;
  orderConfirmation: EmailTexts & { heading: string; intro: string; total: string; button: string; recommendations: string };
  shippingNotice: EmailTexts & {
    heading: string; intro: string; track: string; whileYouWait: string;
    /** Points to the shop's blog and FAQ. */
    tips: (link: ShopLink) => string;
    followUs: string;
  };
  reviewRequest: EmailTexts & { heading: string; intro: string; rate: string; thanks: string };
  replenishmentReminder: EmailTexts & { heading: string; intro: string; orderAgain: string; reorderAll: string };
  birthdayGreeting: EmailTexts & { heading: string; intro: string; freeShipping: string; button: string };
  crossSell: EmailTexts & { heading: string; intro: string; recommendations: string; button: string };
  winBack: EmailTexts & { heading: string; intro: string; button: string; recommendations: string };
  satisfactionSurvey: EmailTexts & { heading: string; intro: string; scale: string };
  pointsBalance: EmailTexts & {
    /** The small label above the balance. */
    balance: string;
    /** The balance itself, large. */
    points: string;
    status: string;
    /** The button to the customer's hosted My rewards page. */
    rewards: string; recommendations: string;
  };
}

export type StarterTextKey = Exclude<keyof StarterTexts, 'layout'>;
