// What a template can use, offered by the editor's "Insert merge field" menu. The check
// at save knows the same fields (the email package's sample merge data).
export interface MergeFieldGroup { label: string; fields: { label: string; snippet: string }[] }

export const MERGE_FIELDS: MergeFieldGroup[] = [
  { label: 'Customer', fields: [
    { label: 'First name', snippet: '{{ customer.firstName }}' },
    { label: 'Full name', snippet: '{{ customer.fullName }}' },
    { label: 'Email', snippet: '{{ customer.email }}' },
  ] },
  { label: 'Order', fields: [
    { label: 'Order number', snippet: '{{ order.id }}' },
    { label: 'Total', snippet: '{{ order.total | money: order.currency }}' },
    { label: 'Items (loop with review links)', snippet: '{% for item in order.items %}{{ item.quantity }} × {{ item.name }}: {{ item.price | money: order.currency }} <a href="{{ item.reviewUrl }}">Rate this</a><br />{% endfor %}' },
  ] },
  { label: 'Recommendations', fields: [
    { label: 'Frequently bought together (loop)', snippet: '{% for product in recommendations %}<a href="{{ product.url }}">{{ product.name }}</a> {{ product.price | money: order.currency }}<br />{% endfor %}' },
  ] },
  { label: 'Loyalty', fields: [
    { label: 'Points balance', snippet: '{{ loyalty.points }}' },
    { label: 'Tier', snippet: '{{ loyalty.tier }}' },
    { label: 'Points to next tier', snippet: '{% if loyalty.nextTier != "" %}{{ loyalty.pointsToNextTier }} points to {{ loyalty.nextTier }}{% endif %}' },
  ] },
  { label: 'Coupon', fields: [
    { label: 'Coupon code (if one was issued)', snippet: '{% if coupon %}{{ coupon.code }}{% endif %}' },
    { label: 'What the coupon gives', snippet: '{{ coupon.description }}' },
    { label: 'Coupon valid until', snippet: '{% if coupon %}Valid until {{ coupon.expiresAt | date: "%-d %B %Y" }}{% endif %}' },
  ] },
  { label: 'Shop', fields: [
    { label: 'Shop name', snippet: '{{ shop.name }}' },
    { label: 'Shop link', snippet: '{{ shop.url }}' },
  ] },
];
