// The storefront's public paths under /reviews/ (a product's reviews as JSON, a review's photo),
// and the images uploaded for emails (/img/), beside the recipients' /u/ /p/ /t/ /r/ links. Only these exact shapes are the server's: the
// rest of /reviews/ stays the web app's (its own Reviews page lives there).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EMAIL_IMAGE_PATH, handleEmailImage } from './email-image-serve';
import { pathSegment } from './path-segment';
import { handleReviewPhoto } from './review-photo-serve';
import { handleStorefrontReviews } from './storefront-reviews';
import type { PublicDeps } from './types';

const PRODUCT = /^\/reviews\/([^/]+)\/products\/([^/]+)\.json$/;
const PHOTO = /^\/reviews\/([^/]+)\/photos\/([^/]+)\/([^/]+)$/;

export const isStorefrontPath = (pathname: string) => PRODUCT.test(pathname) || PHOTO.test(pathname) || EMAIL_IMAGE_PATH.test(pathname);

/** Serves the path when it is a storefront one; false otherwise. */
export async function serveStorefront(deps: PublicDeps, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  const product = PRODUCT.exec(pathname);
  if (product) {
    await handleStorefrontReviews(deps, req, res, product[1], product[2]);
    return true;
  }
  if (EMAIL_IMAGE_PATH.test(pathname)) {
    await handleEmailImage(deps, req, res, pathname);
    return true;
  }
  const photo = PHOTO.exec(pathname);
  if (!photo) return false;
  await handleReviewPhoto(deps, req, res, pathSegment(photo[1]), photo[2], photo[3]);
  return true;
}
