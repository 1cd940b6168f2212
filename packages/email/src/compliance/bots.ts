// Which opens and clicks were a machine's, not a person's. They are stored (flagged) but not
// counted by default: security scanners fetch every link and image of a message, Apple Mail
// Privacy Protection preloads images on Apple's proxies whether or not the mail is read, and
// anything within seconds of delivery is a prefetch, not a reader.
import { isIP } from 'node:net';

export interface TrackingHit {
  userAgent: string | null;
  /** Client address (first X-Forwarded-For entry when behind a proxy). */
  ip: string | null;
  sentAt: Date | null;
  at: Date;
}

export type BotReason = 'user_agent' | 'apple_mpp' | 'prefetch';

/** A person cannot open (or click) a message this soon after it was delivered. */
export const PREFETCH_WINDOW_MS = 5_000;

// Scanners, link checkers, HTTP libraries and crawlers that announce themselves.
const BOT_AGENT = new RegExp([
  'bot\\b', 'crawler', 'spider', 'slurp', 'preview', 'scanner', 'headless', 'phantomjs',
  'python-requests', 'python-urllib', 'curl/', 'wget/', 'go-http-client', 'okhttp', 'java/',
  'libwww', 'httpclient', 'barracuda', 'mimecast', 'proofpoint', 'symantec', 'forcepoint',
  'trendmicro', 'sophos', 'microsoft office protection', 'ms-office-ptp', 'safelinks',
].join('|'), 'i');

/** Apple owns 17.0.0.0/8; MPP fetches from there with the bare agent "Mozilla/5.0". */
function isAppleProxy(ip: string | null, userAgent: string | null): boolean {
  const bare = ip?.replace(/^::ffff:/, '') ?? '';
  const fromApple = isIP(bare) === 4 && bare.startsWith('17.');
  return fromApple || userAgent?.trim() === 'Mozilla/5.0';
}

export function classifyHit(hit: TrackingHit): BotReason | null {
  const ua = hit.userAgent?.trim() ?? '';
  if (!ua || BOT_AGENT.test(ua)) return 'user_agent';
  if (isAppleProxy(hit.ip, ua)) return 'apple_mpp';
  if (hit.sentAt && hit.at.getTime() - hit.sentAt.getTime() < PREFETCH_WINDOW_MS) return 'prefetch';
  return null;
}
