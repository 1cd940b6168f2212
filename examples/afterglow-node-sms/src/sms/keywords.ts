// Opt-out and opt-in keywords in an inbound SMS. A keyword is the whole message (any case,
// trailing punctuation ignored): "Stop." opts out, "please stop sending" is just a message.
// Twilio's standard English keywords, and the ones shops in the region print under offers:
// ODJAVA / ОДЈАВА ("unsubscribe": Serbian, Slovenian, Croatian), СТОП and ОТПИСАТЬСЯ (Russian;
// СТОП in Serbian Cyrillic too); PRIJAVA / ПРИЈАВА and СТАРТ to opt back in.

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ODJAVA', 'ОДЈАВА', 'СТОП', 'ОТПИСАТЬСЯ', 'ОТПИСКА']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP', 'PRIJAVA', 'ПРИЈАВА', 'СТАРТ']);

export type Keyword = 'opt-out' | 'opt-in' | null;

export function keywordOf(body: string): Keyword {
  const word = body.trim().replace(/[\s.!?,;:]+$/u, '').toUpperCase();
  if (OPT_OUT.has(word)) return 'opt-out';
  if (OPT_IN.has(word)) return 'opt-in';
  return null;
}
