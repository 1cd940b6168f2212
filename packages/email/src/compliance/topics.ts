// Topics a customer can turn off on the preference page while staying subscribed to the rest.
export interface EmailTopic { id: string; label: string; help: string }

export const EMAIL_TOPICS: readonly EmailTopic[] = [
  { id: 'offers', label: 'Offers and promotions', help: 'Discounts and sales, at most once a week' },
  { id: 'new_products', label: 'New products', help: 'First to hear about launches and pre-orders' },
  { id: 'reviews', label: 'Review requests', help: 'How do you like what you bought?' },
  { id: 'loyalty', label: 'Points and rewards', help: 'Your points balance, tier and birthday treats' },
];
