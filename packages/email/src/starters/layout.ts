// The shared shell of the starter templates: one look (white card on a soft background,
// violet buttons) so a shop that uses several starters sends emails that belong together.
// Each starter stays a complete MJML document once saved: the marketer edits it freely.
// The layout's few words come from the language's text table (texts.ts).
import type { LayoutTexts, ShopLink } from './texts';

export const BRAND = '#7c3aed';

const head = (title: string) => `  <mj-head>
    <mj-title>${title}</mj-title>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="15px" line-height="22px" color="#27272a" />
      <mj-button background-color="${BRAND}" border-radius="6px" font-weight="bold" />
    </mj-attributes>
  </mj-head>`;

const header = `    <mj-section padding="20px 24px 0">
      <mj-column>
        <mj-text font-size="13px" font-weight="bold" color="${BRAND}" letter-spacing="1px">{{ shop.name | upcase }}</mj-text>
      </mj-column>
    </mj-section>`;

const footer = (text: string) => `    <mj-section padding="16px 24px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#71717a" align="center">{{ shop.name }} · <a href="{{ shop.url }}" style="color:#71717a">{{ shop.url }}</a><br />${text}</mj-text>
      </mj-column>
    </mj-section>`;

/** A full MJML document in the given language: head, shop header, the given sections, footer. */
export function shell(layout: LayoutTexts, title: string, sections: string): string {
  return `<mjml lang="${layout.lang}">
${head(title)}
  <mj-body background-color="#f4f4f5">
${header}
${sections.trimEnd()}
${footer(layout.footer)}
  </mj-body>
</mjml>
`;
}

/** A link to a page of the shop, in the brand's colour. */
export const shopLink: ShopLink = (path, label) => `<a href="{{ shop.url }}/${path}" style="color:${BRAND}">${label}</a>`;

/** A bold link in the brand's colour, for one action per order item. */
export const actionLink = (href: string, label: string) => `<a href="${href}" style="color:${BRAND};font-weight:bold">${label}</a>`;

/** A white card section holding one column of content. */
export function card(content: string, padding = '24px'): string {
  return `    <mj-section background-color="#ffffff" padding="${padding}" border-radius="8px">
      <mj-column>
${content.trimEnd()}
      </mj-column>
    </mj-section>`;
}

/** One row per order item: picture, name, quantity and price; `extra` adds to the text cell. */
export function orderItems(extra = ''): string {
  return `    <mj-raw>{% for item in order.items %}</mj-raw>
    <mj-section background-color="#ffffff" padding="8px 24px">
      <mj-column width="30%">
        <mj-image src="{{ item.imageUrl }}" alt="{{ item.name }}" href="{{ item.url }}" width="100px" border-radius="8px" />
      </mj-column>
      <mj-column width="70%" vertical-align="middle">
        <mj-text>{% if item.url != "" %}<a href="{{ item.url }}" style="color:#27272a;font-weight:bold;text-decoration:none">{{ item.name }}</a>{% else %}<strong style="color:#27272a">{{ item.name }}</strong>{% endif %}<br />{{ item.quantity }} × {{ item.price | money: order.currency }}${extra}</mj-text>
      </mj-column>
    </mj-section>
    <mj-raw>{% endfor %}</mj-raw>`;
}

/** Products frequently bought together with the order's items; nothing when there are none. */
export function recommendations(heading: string): string {
  return `    <mj-raw>{% if recommendations.size > 0 %}</mj-raw>
    <mj-section background-color="#ffffff" padding="16px 24px 0">
      <mj-column>
        <mj-text font-size="17px" font-weight="bold">${heading}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="0 16px 16px">
      <mj-raw>{% for product in recommendations %}</mj-raw>
      <mj-column width="33%">
        <mj-image src="{{ product.imageUrl }}" alt="{{ product.name }}" href="{{ product.url }}" width="120px" border-radius="8px" />
        <mj-text align="center" font-size="13px"><a href="{{ product.url }}" style="color:#27272a;text-decoration:none">{{ product.name }}</a><br /><strong>{{ product.price | money: order.currency }}</strong></mj-text>
      </mj-column>
      <mj-raw>{% endfor %}</mj-raw>
    </mj-section>
    <mj-raw>{% endif %}</mj-raw>`;
}
