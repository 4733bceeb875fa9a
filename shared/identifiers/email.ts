import { type Hit, hit } from './types';

const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;

/** E-mail addresses, in any letter case and with plus-tags. */
export function findEmails(text: string): Hit[] {
  return [...text.matchAll(EMAIL)].map((m) =>
    hit(text, m.index!, m.index! + m[0].length, 'EMAIL', 0.95, 'e-mail address'),
  );
}
