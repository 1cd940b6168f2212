// The hosted review page's HTML: one form for every product of the order, five radio stars and
// a text box each (no script: the stars are radios styled with CSS, so it works everywhere and
// with a screen reader), laid out for a phone first. Field names carry the product's place in
// the order (rating_0, text_0, ...), whatever order the products are shown in. Each product also
// takes a photo (a plain file input: the form is multipart/form-data), shown once stored, with a
// box to remove it; a file input cannot be filled again, so a form that comes back with problems
// asks for the photos chosen to be chosen again.
import type { Locale } from '@afterglow/i18n';
import { escapeHtml } from './escape';
import { reviewHtml, reviewText } from './review-catalogue';
import { MAX_REVIEW_TEXT, type ReviewProblem } from './review-input';
import { MAX_REVIEW_PHOTO_BYTES, photoPath } from './review-photo';
import type { ReviewItem } from './review-store';

export const REVIEW_STYLE = `
main{max-width:560px}h2{font-size:17px;margin:0;color:#1e1b4b;overflow-wrap:anywhere}
.item{border-top:1px solid #ede9fe;padding:18px 0}.item.invalid{border-left:3px solid #dc2626;padding-left:12px}
.product{display:flex;gap:12px;align-items:center;margin-bottom:10px}.product img{width:56px;height:56px;object-fit:cover;border-radius:8px;flex:none}
.stars{border:0;margin:0 0 10px;padding:0;display:flex;flex-direction:row-reverse;justify-content:flex-end}
.stars input{position:absolute;opacity:0;width:1px;height:1px}
.stars label{display:inline-block;border:0;padding:0 3px;font-size:34px;line-height:1;color:#d4d4d8;cursor:pointer}
.stars label span{font-size:inherit;color:inherit;display:inline}
.stars input:checked~label,.stars label:hover,.stars label:hover~label{color:#f59e0b}
.stars input:focus-visible+label{outline:2px solid #7c3aed;border-radius:4px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.item>label{display:block;border:0;padding:0 0 6px;font-size:14px;color:#475569;cursor:default}
textarea{box-sizing:border-box;width:100%;min-height:88px;border:1px solid #ddd6fe;border-radius:10px;padding:10px;font:inherit;font-size:15px}
.errors{background:#fef2f2;color:#991b1b;border-radius:10px;padding:10px 14px;margin-bottom:16px;font-size:14px}
.errors h2{color:#991b1b;font-size:15px;margin-bottom:6px}.errors ul{margin:0;padding-left:18px}
form button{width:100%;margin-top:8px}
.photo{margin-top:12px}.photo>label{display:block;border:0;padding:0 0 6px;font-size:14px;color:#475569;cursor:default}
.photo input[type=file]{box-sizing:border-box;width:100%;max-width:100%;font-size:14px;color:#475569;border:1px dashed #c4b5fd;border-radius:10px;padding:8px}
.photo input[type=file]::file-selector-button{background:#ede9fe;color:#5b21b6;border:0;border-radius:8px;padding:8px 12px;margin-right:10px;font:inherit;font-weight:600}
.photo .hint,.photo .again{font-size:13px;margin:6px 0 0}.photo .again{color:#991b1b}
.current{display:flex;gap:12px;align-items:center;margin:0 0 10px}.current img{width:72px;height:72px;object-fit:cover;border-radius:10px;flex:none}
.current label{border:0;padding:0;align-items:center;font-size:14px;color:#475569}`;

const MAX_PHOTO_MB = MAX_REVIEW_PHOTO_BYTES / 1024 / 1024;

export interface ReviewFormState {
  workspaceId: string;
  items: ReviewItem[];
  /** Shown first (the product whose link was followed). */
  firstProduct: string | null;
  /** What was posted, when it is shown again with its problems. */
  posted?: URLSearchParams;
  problems?: ReviewProblem[];
  /** The products whose photo was chosen in what was posted (by their place in the order). */
  photosSent?: Set<number>;
}

function photoField(locale: Locale, item: ReviewItem, i: number, state: ReviewFormState): string {
  const current = item.reviewId && item.photoRef
    ? `<div class="current"><img src="${escapeHtml(photoPath(state.workspaceId, item.reviewId, item.photoRef))}" alt="${reviewHtml(locale, 'photo.current', { product: item.name })}" data-testid="photo-${i}">`
      + `<label><input type="checkbox" name="remove_photo_${i}"${state.posted?.get(`remove_photo_${i}`) === 'on' ? ' checked' : ''}>${reviewHtml(locale, 'photo.remove')}</label></div>`
    : '';
  const again = state.problems?.length && state.photosSent?.has(i) ? `<p class="again">${reviewHtml(locale, 'photo.again')}</p>` : '';
  return `<div class="photo">${current}<label for="f${i}">${reviewHtml(locale, current ? 'photo.replace' : 'photo.label')}</label>`
    + `<input type="file" id="f${i}" name="photo_${i}" accept="image/jpeg,image/png,image/webp">`
    + `<p class="hint">${reviewHtml(locale, 'photo.hint', { max: MAX_PHOTO_MB })}</p>${again}</div>`;
}

function stars(locale: Locale, item: ReviewItem, i: number, chosen: string): string {
  const radios = [5, 4, 3, 2, 1].map((v) => {
    const id = `r${i}-${v}`;
    return `<input type="radio" id="${id}" name="rating_${i}" value="${v}"${chosen === String(v) ? ' checked' : ''}>`
      + `<label for="${id}" title="${reviewHtml(locale, 'stars', { count: v })}"><span aria-hidden="true">★</span><span class="sr">${reviewHtml(locale, 'stars', { count: v })}</span></label>`;
  });
  return `<fieldset class="stars" data-testid="stars-${i}"><legend class="sr">${reviewHtml(locale, 'rating', { product: item.name })}</legend>${radios.join('')}</fieldset>`;
}

function itemSection(locale: Locale, item: ReviewItem, i: number, state: ReviewFormState): string {
  const chosen = state.posted ? state.posted.get(`rating_${i}`) ?? '' : item.rating === null ? '' : String(item.rating);
  const text = state.posted ? state.posted.get(`text_${i}`) ?? '' : item.text;
  const invalid = state.problems?.some((p) => p.item === i);
  const image = item.imageUrl && /^https?:\/\//i.test(item.imageUrl) ? `<img src="${escapeHtml(item.imageUrl)}" alt="">` : '';
  return `<section class="item${invalid ? ' invalid' : ''}" id="item-${i}"><div class="product">${image}<h2>${escapeHtml(item.name)}</h2></div>`
    + stars(locale, item, i, chosen)
    + `<label for="t${i}">${reviewHtml(locale, 'text')}</label>`
    + `<textarea id="t${i}" name="text_${i}" maxlength="${MAX_REVIEW_TEXT}" placeholder="${reviewHtml(locale, 'placeholder')}">${escapeHtml(text)}</textarea>`
    + `${photoField(locale, item, i, state)}</section>`;
}

function problemList(locale: Locale, items: ReviewItem[], problems: ReviewProblem[]): string {
  const said = problems.map((p) => {
    const product = p.item === null ? '' : items[p.item]?.name ?? '';
    const message = p.kind === 'unknown' ? reviewHtml(locale, 'error.unknown', { field: p.field })
      : p.kind === 'none' ? reviewHtml(locale, 'error.none')
        : reviewHtml(locale, `error.${p.kind}`, { product, max: p.kind === 'photoTooLarge' ? MAX_PHOTO_MB : MAX_REVIEW_TEXT });
    return `<li data-field="${escapeHtml(p.field)}">${message}</li>`;
  });
  return `<div class="errors" role="alert"><h2>${reviewHtml(locale, 'error.heading')}</h2><ul>${said.join('')}</ul></div>`;
}

export function reviewFormBody(locale: Locale, state: ReviewFormState): string {
  const order = state.items.map((item, i) => ({ item, i }));
  order.sort((a, b) => Number(b.item.productId === state.firstProduct) - Number(a.item.productId === state.firstProduct));
  const reviewed = state.items.some((item) => item.rating !== null);
  return `<h1>${reviewHtml(locale, 'heading')}</h1>`
    + `<p>${reviewHtml(locale, reviewed ? 'already' : 'intro')}</p>`
    + (state.problems?.length ? problemList(locale, state.items, state.problems) : '')
    + `<form method="post" enctype="multipart/form-data">${order.map(({ item, i }) => itemSection(locale, item, i, state)).join('')}`
    + `<button type="submit" data-testid="submit-review">${escapeHtml(reviewText(locale, 'submit'))}</button></form>`;
}
