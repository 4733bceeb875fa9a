import { type Part, person } from './people';
import type { FoiaBuilder } from './pieces';
import type { Rng } from './rng';
import { address, card, date, email, phone, ssn } from './values';

/** The templates the recognisers are tuned on: a request letter, an e-mail thread, a memo, a table, a response. */
export type Template = (b: FoiaBuilder, r: Rng, part: Part) => void;

export const requestLetter: Template = (b, r, part) => {
  const req = person(r, part);
  const addr = address(r, '\n');
  b.pii('PERSON_PRIVATE', req.full).t('\n').pii('ADDRESS', addr.full).t('\n');
  b.t(`${date(r, 2021, 2024)}\n\nFOIA Officer\n`)
    .agency()
    .t('\n')
    .agencyAddress()
    .t('\n\n');
  b.t('Re: Freedom of Information Act request under ').citation().t('\n\n');
  b.t('Dear FOIA Officer:\n\nI request copies of all records about me, ').pii('PERSON_PRIVATE', req.full);
  b.t(', date of birth ')
    .pii('DOB', date(r, 1940, 2003))
    .t(`, ${b.ssnLabel()} `)
    .pii('SSN', ssn(r))
    .t(', held by the ')
    .agency();
  b.t(' since ').event().t('. ');
  const rel = person(r, part);
  b.t('Please also include correspondence with my brother ').pii('PERSON_PRIVATE', rel.full).t(', who lives at ');
  b.pii('ADDRESS', address(r).full).t('. ');
  b.t('You may reach me at ').pii('PHONE', phone(r)).t(' or ').pii('EMAIL', email(r, req)).t('.\n\n');
  b.t('Sincerely,\n\n').pii('PERSON_PRIVATE', req.full).t('\n');
};

export const emailThread: Template = (b, r, part) => {
  const a = person(r, part);
  const c = person(r, part);
  b.t('From: ').pii('PERSON_PRIVATE', a.full).t(' <').pii('EMAIL', email(r, a)).t('>\n');
  b.t('To: foia@agency.gov\nCc: ').pii('PERSON_PRIVATE', c.full).t(' <').pii('EMAIL', email(r, c)).t('>\n');
  b.t(`Sent: ${date(r, 2022, 2024)} 09:14\nSubject: RE: tracking number `)
    .tracking()
    .t('\n\n');
  b.t('Hi,\n\nFollowing up on my call with ').official().t(' of the ').agency().t('. My case ');
  b.id().t(' is still open. My cell is ').pii('PHONE', phone(r)).t('.\n');
  b.t(`Thanks,\n`).pii('PERSON_PRIVATE', a.given).t('\n\n-----Original Message-----\nFrom: FOIA Public Liaison\n');
  b.t('The ')
    .agency()
    .t(' has received your request. Under ')
    .citation()
    .t(', we may withhold personal information about ');
  b.pii('PERSON_PRIVATE', c.full).t('. Ms. ').pii('PERSON_PRIVATE', c.family).t(' may consent in writing.\n');
};

export const incidentMemo: Template = (b, r, part) => {
  const victim = person(r, part);
  const witness = person(r, part);
  b.t('MEMORANDUM FOR THE RECORD\nSUBJECT: Site inspection follow-up\n\n');
  b.t('1. On ')
    .publicDate()
    .t(', ')
    .official()
    .t(' of the ')
    .agency()
    .t(' announced the inspection at ')
    .event()
    .t('.\n');
  b.t('2. The complainant, ')
    .pii('PERSON_PRIVATE', victim.full)
    .t(' (DOB ')
    .pii('DOB', date(r, 1950, 2000))
    .t('), of ');
  b.pii('ADDRESS', address(r).full).t(', reported the leak. ');
  b.pii('PERSON_PRIVATE', victim.family)
    .t(` gave ${b.ssnLabel()} `)
    .pii('SSN', ssn(r))
    .t(' and phone ')
    .pii('PHONE', phone(r))
    .t('.\n');
  b.t('3. Mr. ')
    .pii('PERSON_PRIVATE', witness.full)
    .t(' witnessed it; he was interviewed by phone at ')
    .pii('PHONE', phone(r))
    .t('.\n');
  b.t('4. Refund to card ').pii('FINANCIAL_ACCOUNT', card(r)).t(' was approved; ');
  b.id().t('.\n5. Withheld under ').citation().t('; see ').citation().t('.\n');
};

export const claimantTable: Template = (b, r, part) => {
  b.t(
    'Attachment B — Claimants (release copy)\n\n| Name | Date of birth | SSN | Phone | E-mail |\n|---|---|---|---|---|\n',
  );
  for (let i = r.int(3, 6); i > 0; i--) {
    const c = person(r, part);
    b.t('| ')
      .pii('PERSON_PRIVATE', r.chance(0.5) ? c.full : `${c.family.toUpperCase()}, ${c.given}`)
      .t(' | ');
    b.pii('DOB', date(r, 1945, 2004))
      .t(' | ')
      .pii('SSN', ssn(r))
      .t(' | ')
      .pii('PHONE', phone(r))
      .t(' | ');
    b.pii('EMAIL', email(r, c)).t(' |\n');
  }
  b.t('\nPrepared for ').official().t(', ').agency().t('. Page 2 of 3\n');
  b.tracking().t('\n');
};

export const responseLetter: Template = (b, r, part) => {
  const req = person(r, part);
  b.agency()
    .t('\n')
    .agencyAddress()
    .t('\n\n')
    .t(`${date(r, 2022, 2024)}\n\n`);
  b.t(r.pick(['Ms. ', 'Mr. ', 'Dr. ', 'Mx. ']))
    .pii('PERSON_PRIVATE', req.full)
    .t('\nc/o ')
    .pii('PERSON_PRIVATE', person(r, part).full);
  b.t('\n').pii('ADDRESS', address(r, '\n').full).t('\n\nRe: ').tracking().t('\n\n');
  b.t(`Dear ${r.pick(['Ms.', 'Mr.', 'Dr.'])} `)
    .pii('PERSON_PRIVATE', req.family)
    .t(':\n\n');
  b.t('This responds to your request received on ')
    .publicDate()
    .t('. We located 14 pages. Portions are withheld under ');
  b.citation().t(' and ').citation().t(', consistent with ').citation().t('.\n');
  b.t('The records mention a third party, ').pii('PERSON_PRIVATE', person(r, part).full).t(', whose ');
  b.id().t(' we withheld.\n\n');
  b.t('Sincerely,\n\n').official().t('\n').agency().t('\n');
};

/** A scanned notice: the identifiers are damaged the way OCR damages them (added to dev after the first tuning pass). */
export const scannedNotice: Template = (b, r, part) => {
  b.scanned();
  const c = person(r, part);
  b.t('NOTICE OF CHANGE   [page scanned]\n\nTo whom it may concern ,\n');
  b.t('The claimant ')
    .pii('PERSON_PRIVATE', c.full)
    .t(` ( ${b.ssnLabel()} `)
    .pii('SSN', b.damaged(ssn(r)));
  b.t(' ) moved to ')
    .pii('ADDRESS', address(r).full)
    .t(' . New telephone : ')
    .pii('PHONE', b.damaged(phone(r)));
  b.t(' ; date of birth ')
    .pii('DOB', b.damaged(date(r, 1945, 2001)))
    .t(' ; ');
  b.id().t(' .\nE-mail ').pii('EMAIL', email(r, c)).t(' . Filed with the ').agency().t(' .\n');
};

export const DEV_TEMPLATES: Record<string, Template> = {
  requestLetter,
  emailThread,
  incidentMemo,
  claimantTable,
  responseLetter,
  scannedNotice,
};
