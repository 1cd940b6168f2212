// {{ reviewed }}: the product a review email is about, with its picture, its page and the link to
// review it. A trigger that names a product (a Review Submitted's product_id) picks that item of
// the order; an order alone (the review request after delivery) stands for its first item. Read
// from the order the email already has (with its review links), so it costs no query.
import type { MergeData, MergeOrderItem } from './merge-data';

export interface MergeReviewedProduct {
  productId: string; name: string; imageUrl: string; url: string;
  /** The hosted review page for this product of this order (the shop's form when links are not signed). */
  reviewUrl: string;
  /** The stars given, when the trigger is a review (Review Submitted); 0 before one is written. */
  rating: number;
}

const named = (properties: Record<string, unknown>, key: string) => {
  const value = properties[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

export function reviewedProduct(order: MergeData['order'], properties: Record<string, unknown>): MergeReviewedProduct | null {
  const productId = named(properties, 'product_id');
  const rating = Number(properties.rating);
  const item: MergeOrderItem | undefined = order?.items.find((i) => productId !== '' && i.productId === productId) ?? order?.items[0];
  if (item && (productId === '' || item.productId === productId)) {
    return { productId: item.productId, name: item.name, imageUrl: item.imageUrl, url: item.url, reviewUrl: item.reviewUrl ?? order?.reviewUrl ?? '', rating: Number.isFinite(rating) ? rating : 0 };
  }
  // A review of a product the stored order no longer lists: what the event says of it.
  if (productId === '') return null;
  return {
    productId, name: named(properties, 'product_name'), imageUrl: named(properties, 'image_url'), url: named(properties, 'url'),
    reviewUrl: order?.reviewUrl ?? '', rating: Number.isFinite(rating) ? rating : 0,
  };
}
