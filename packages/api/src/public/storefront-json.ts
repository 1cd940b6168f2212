// The storefront endpoint's reply: the product's aggregate under schema.org AggregateRating's
// own field names (reviewCount, ratingValue, bestRating, worstRating), one page of its published
// reviews, and a ready JSON-LD Product object the shop can put in a <script type="application/ld+json">
// (its aggregateRating only when there is a review: search engines refuse a rating of nothing).
import { photoPath } from './review-photo';
import type { ProductReviews } from './storefront-query';

export interface StorefrontPage { limit: number; offset: number }

export function storefrontBody(found: ProductReviews, at: { publicUrl: string; workspaceId: string; productId: string; page: StorefrontPage }) {
  const { publicUrl, workspaceId, productId, page } = at;
  const reviews = found.reviews.map((r) => ({
    rating: r.rating, text: r.text, author: r.author, date: new Date(r.createdAt).toISOString(),
    photoUrl: r.photoRef ? `${publicUrl}${photoPath(workspaceId, r.reviewId, r.photoRef)}` : null,
    reply: r.reply,
  }));
  const aggregate = { reviewCount: found.count, ratingValue: found.average, bestRating: 5, worstRating: 1 };
  const more = page.offset + reviews.length < found.count;
  const next = more ? `?limit=${page.limit}&offset=${page.offset + page.limit}` : null;
  return {
    productId, ...aggregate, limit: page.limit, offset: page.offset, next, reviews,
    jsonLd: {
      '@context': 'https://schema.org', '@type': 'Product', productID: productId,
      ...(found.productName ? { name: found.productName } : {}),
      ...(found.count > 0 ? { aggregateRating: { '@type': 'AggregateRating', ...aggregate } } : {}),
      review: reviews.map((r) => ({
        '@type': 'Review', datePublished: r.date.slice(0, 10), reviewBody: r.text,
        reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
        ...(r.author ? { author: { '@type': 'Person', name: r.author } } : {}),
      })),
    },
  };
}
