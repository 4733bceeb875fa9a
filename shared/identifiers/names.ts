import nlp from 'compromise';
import { columnHeader } from './context';
import { type Hit, hit } from './types';

const WORD = "\\p{Lu}[\\p{Ll}'’]*(?:[-'’]\\p{Lu}?[\\p{Ll}]+)*";
const CAPS = "\\p{Lu}{2,}(?:[-'’]\\p{Lu}+)*";
const PARTICLE = '(?:van|der|den|de|la|del|da|di|dos|du|bin|ibn|al|el|von|le|ter|Al|El|bint)';
const NAME = `${WORD}(?: (?:${PARTICLE} ){0,2}(?:${WORD}|\\p{Lu}\\.)){0,3}`;
const NOT_NAME =
  /\b(?:The|This|That|My|Our|Their|His|Her|Department|Agency|Administration|Office|Bureau|Service|Services|Commission|Hospital|Center|Centre|Clinic|Court|Street|Road|Avenue|Act|Section|Request|Records|Unit|Board|Division|Program|FOIA|Information|Freedom|Privacy|Item|Page|Attachment|Subject|Thanks|Hi|Sir|Madam|Officer|Public|Liaison|Team|Staff|Sincerely|Regards|Date|Signature|Yes|No)\b/;

const TITLE = '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?';
const ROLE =
  '(?:patient|pt|third party|requester|requestor|complainant|claimant|witness|victim|interviewee|interviewer|resident|neighbou?r|daughter|son|brother|sister|husband|wife|mother|father|c/o|discussed with|spoke (?:to|with)|called|informed|notified|paged|telephoned|attn:?|attention:?|from:|to:|cc:|name:|full name\\W*|signature:|my name is|special agent|agent|officer|detective|nurse|RN|per|by|with|read by|placed by|referred by)';
const CONTEXT = new RegExp(
  `(?:\\b${TITLE}\\s+|\\b${ROLE}[ ,.:]+(?:${TITLE}\\s+)?|Dear\\s+(?:${TITLE}\\s+)?)(${NAME})`,
  'gu',
);
const CLOSING = new RegExp(
  `\\b(?:Sincerely|Regards|Best regards|Respectfully|Thanks|Thank you|Cordially|Yours truly|Yours sincerely)\\s*,?\\s*\\n+\\s*(${NAME})`,
  'gu',
);
const RELATION_AFTER = new RegExp(
  `(${NAME})(?=,? \\(?(?:the )?(?:patient's )?(?:daughter|son|wife|husband|mother|father|brother|sister|partner|nurse|RN|MD|neighbou?r|friend|caregiver|patient|requester|claimant|complainant)\\b)`,
  'gu',
);
const SURNAME_FIRST = new RegExp(`(?<![\\p{L}])(${CAPS}),\\s(${WORD}(?:\\s${WORD})?)`, 'gu');
export const OFFICIAL_TITLE =
  /\b(?:Secretary|Director|Deputy Director|Assistant Director|Administrator|Commissioner|Senator|Representative|Congressman|Congresswoman|Governor|Mayor|Chair(?:man|woman)?|Ambassador|Attorney General|Judge|Justice|President|Spokesperson|Press Secretary|Chief Counsel|General Counsel|Assistant Secretary|Under Secretary|Inspector General|FOIA Officer)\s*$/;
const OFFICIAL_TITLE_AT_START = new RegExp(`^(?:${OFFICIAL_TITLE.source.replace('\\s*$', '')})\\s+`);
const NAME_COLUMN = /\b(?:name|last_name|first_name|surname|given|claimant|requester)\b/i;

const trimName = (value: string) => value.replace(/['’]s\b.*$/, '').replace(/[\s.,;:]+$/, '');

/**
 * People's names: by context (titles, salutations, signatures, roles such as "patient", "requester", "c/o",
 * "discussed with", table columns headed "name") and by NER (compromise). Every other occurrence of a found name or of
 * its distinctive parts in the same text is a hit too. Names after an official title are marked `officialRole`.
 */
export function findNames(text: string): Hit[] {
  const out: Hit[] = [];
  const push = (start: number, value: string, confidence: number, reason: string, source: Hit['source']) => {
    const line = trimName(value.split('\n')[0]!);
    const title = OFFICIAL_TITLE_AT_START.exec(line)?.[0] ?? '';
    const name = line.slice(title.length);
    start += title.length;
    if (name.length < 2 || NOT_NAME.test(name)) return;
    const h = hit(text, start, start + name.length, 'PERSON', confidence, reason, source);
    if (OFFICIAL_TITLE.test(text.slice(Math.max(0, start - 40), start))) h.officialRole = true;
    out.push(h);
  };
  for (const m of text.matchAll(CONTEXT))
    push(m.index! + m[0].lastIndexOf(m[1]!), m[1]!, 0.85, 'name of a person (named in context)', 'context');
  for (const m of text.matchAll(CLOSING))
    push(m.index! + m[0].lastIndexOf(m[1]!), m[1]!, 0.85, 'name of a person (signature)', 'context');
  for (const m of text.matchAll(RELATION_AFTER))
    push(m.index!, m[1]!, 0.8, 'name of a person (relation named after it)', 'context');
  for (const m of text.matchAll(SURNAME_FIRST))
    push(m.index!, m[0], 0.8, 'name of a person (surname, given name)', 'context');
  for (const m of text.matchAll(new RegExp(`(?<=^|[|,]\\s?)(${NAME})(?=\\s?[|,]|$)`, 'gmu')))
    if (NAME_COLUMN.test(columnHeader(text, m.index!) ?? ''))
      push(m.index!, m[1]!, 0.85, 'name of a person (name column)', 'context');
  for (const [offset, block] of blocks(text))
    for (const p of nlp(block).people().json({ offset: true }) as { text: string; offset: { start: number } }[]) {
      const value = p.text.replace(/^(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+/i, '');
      push(offset + p.offset.start + p.text.indexOf(value), value, 0.7, 'name of a person (NER)', 'nlp');
    }
  return [...out, ...otherMentions(text, out)];
}

/** Whole lines in blocks of about 2,000 characters: compromise is much faster on many small texts than on one long one. */
function blocks(text: string): [number, string][] {
  const out: [number, string][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start + 2000);
    if (end < 0) end = text.length;
    out.push([start, text.slice(start, end)]);
    start = end;
  }
  return out;
}

/** Every other mention of a found private name — in full, or one of its parts of 3+ letters written capitalised. */
function otherMentions(text: string, found: Hit[]): Hit[] {
  const out: Hit[] = [];
  const privateNames = found.filter((h) => !h.officialRole);
  const officials = new Set(found.filter((h) => h.officialRole).flatMap((h) => h.text.split(/\s+/)));
  const parts = new Set<string>();
  for (const h of privateNames) {
    parts.add(h.text);
    for (const p of h.text.split(/[\s,]+/)) if (p.length >= 3 && !/^\p{Ll}/u.test(p) && !officials.has(p)) parts.add(p);
  }
  for (const part of [...parts].sort((a, b) => b.length - a.length)) {
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, 'gu')))
      if (!found.some((h) => h.start <= m.index! && h.end >= m.index! + part.length) && !NOT_NAME.test(part))
        out.push(
          hit(text, m.index!, m.index! + part.length, 'PERSON', 0.75, 'name of a person (mentioned again)', 'context'),
        );
  }
  return out;
}
