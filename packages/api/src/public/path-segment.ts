// A segment of a public path (a workspace or product id in a storefront URL) as text; null when
// it is not one: a bad %-escape, a control character, text the input policy refuses, too long.
import { inputIssues } from '../input-policy/index';

export function pathSegment(raw: string): string | null {
  try {
    const value = decodeURIComponent(raw);
    return value.length >= 1 && value.length <= 200 && inputIssues(value).length === 0 && !/\p{Cc}/u.test(value) ? value : null;
  } catch {
    return null;
  }
}
