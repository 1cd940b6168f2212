// What a template can use, offered by the editor's "Insert merge field" menu (labels are keys of
// the `templates` catalogue). The check at save knows the same fields (the email package's
// sample merge data). Money, numbers, dates and plurals go through the locale filters, so each
// language variant writes them its own way.
export interface MergeFieldGroup { key: string; fields: { key: string; snippet: string }[] }

export const MERGE_FIELDS: MergeFieldGroup[] = [
  { key: 'customer', fields: [
    { key: 'firstName', snippet: '{{ customer.firstName }}' },
    { key: 'fullName', snippet: '{{ customer.fullName }}' },
    { key: 'email', snippet: '{{ customer.email }}' },
    { key: 'referralCode', snippet: '{{ customer.referralCode }}' },
    { key: 'referralUrl', snippet: '<a href="{{ customer.referralUrl }}">{{ customer.referralUrl }}</a>' },
    { key: 'rewardsUrl', snippet: '<a href="{{ customer.rewardsUrl }}">My rewards</a>' },
  ] },
  { key: 'order', fields: [
    { key: 'orderId', snippet: '{{ order.id }}' },
    { key: 'total', snippet: '{{ order.total | money }}' },
    { key: 'items', snippet: '{% for item in order.items %}{{ item.quantity }} × {{ item.name }}: {{ item.price | money }} <a href="{{ item.reviewUrl }}">Rate this</a><br />{% endfor %}' },
    { key: 'reviewUrl', snippet: '{{ order.reviewUrl }}' },
  ] },
  { key: 'recommendations', fields: [
    { key: 'together', snippet: '{% for product in recommendations %}<a href="{{ product.url }}">{{ product.name }}</a> {{ product.price | money }}<br />{% endfor %}' },
  ] },
  { key: 'reviewed', fields: [
    { key: 'reviewedName', snippet: '{{ reviewed.name }}' },
    { key: 'reviewedUrl', snippet: '<a href="{{ reviewed.reviewUrl }}">{{ reviewed.name }}</a>' },
  ] },
  { key: 'loyalty', fields: [
    { key: 'points', snippet: '{{ loyalty.points | number }}' },
    { key: 'pointsPlural', snippet: "{{ loyalty.points | plural: '# point', '# points' }}" },
    { key: 'tier', snippet: '{{ loyalty.tier }}' },
    { key: 'benefits', snippet: '{{ loyalty.benefits }}' },
    { key: 'nextTier', snippet: '{% if loyalty.nextTier != "" %}{{ loyalty.pointsToNextTier | number }} points to {{ loyalty.nextTier }}{% endif %}' },
    // For tiers measured by spend (Loyalty settings): money left, in the order's currency.
    { key: 'spendToNextTier', snippet: '{% if loyalty.nextTier != "" %}{{ loyalty.spendToNextTier | money }} more to reach {{ loyalty.nextTier }}{% endif %}' },
  ] },
  { key: 'coupon', fields: [
    { key: 'code', snippet: '{% if coupon %}{{ coupon.code }}{% endif %}' },
    { key: 'description', snippet: '{{ coupon.description }}' },
    { key: 'expires', snippet: "{% if coupon %}Valid until {{ coupon.expiresAt | format_date: 'long' }}{% endif %}" },
  ] },
  { key: 'shop', fields: [
    { key: 'shopName', snippet: '{{ shop.name }}' },
    { key: 'shopUrl', snippet: '{{ shop.url }}' },
  ] },
];
