import type { Template } from './foia-dev';
import { person } from './people';
import { address, card, date, email, phone, ssn } from './values';

/**
 * Held-out 2: layouts none of the recognisers were tuned on, written on 2026-12-06 before any run on them — running
 * headers and footers naming the subject, identifiers in pipe and tab tables, numbered witness lists, a two-column
 * scan, a forwarded e-mail with a signature block.
 */
export const pagedCaseFile: Template = (b, r, part) => {
  const subject = person(r, part);
  const header = () => b.t('In re: ').pii('PERSON_PRIVATE', subject.full).t('   |   ').id().t('\n');
  header();
  b.t('─'.repeat(40)).t('\nSUMMARY OF RECORDS RELEASED BY THE ').agency().t('\n\n');
  b.t('The subject, ').pii('PERSON_PRIVATE', subject.given).t(' ').pii('PERSON_PRIVATE', subject.family);
  b.t(', was born on ')
    .pii('DOB', date(r, 1950, 1998))
    .t(' and lists ')
    .pii('ADDRESS', address(r).full)
    .t('.\n');
  b.t('Withheld in part under ').citation().t('.\n\n— page 1 of 2 —\n');
  header();
  b.t('Contacts: ').pii('PHONE', phone(r)).t(' (home); ').pii('EMAIL', email(r, subject)).t(' (personal)\n');
  b.t('Approved for release by ').official().t(' after ').event().t('.\n— page 2 of 2 —\n');
};

export const pipeRoster: Template = (b, r, part) => {
  b.t('| # | Full name | Date of birth | SSN | Mobile | Notes |\n|---|---|---|---|---|---|\n');
  for (let i = 1; i <= r.int(3, 5); i++) {
    const p = person(r, part);
    b.t(`| ${i} | `)
      .pii('PERSON_PRIVATE', p.full)
      .t(' | ')
      .pii('DOB', date(r, 1945, 2003))
      .t(' | ');
    b.pii('SSN', ssn(r)).t(' | ').pii('PHONE', phone(r)).t(' | ');
    b.t(r.pick(['no contact', 'moved', 'interviewed', 'declined'])).t(' |\n');
  }
  b.t('\nSource: ').agency().t(', roster as of ').publicDate().t('.\n');
};

export const witnessList: Template = (b, r, part) => {
  b.t('WITNESS LIST (attachment C)\nPrepared for ').official().t('\n\n');
  for (let i = 1; i <= r.int(3, 4); i++) {
    const p = person(r, part);
    b.t(`${i}. `).pii('PERSON_PRIVATE', p.family.toUpperCase()).t(', ').pii('PERSON_PRIVATE', p.given);
    b.t(' — DOB ')
      .pii('DOB', date(r, 1950, 2000))
      .t(' — tel. ')
      .pii('PHONE', phone(r))
      .t('\n');
    b.t('   lives at ').pii('ADDRESS', address(r).full).t('\n');
  }
  b.t('\nDisclosure restricted by ').citation().t('.\n');
};

export const twoColumnScan: Template = (b, r, part) => {
  b.scanned();
  const a = person(r, part);
  const c = person(r, part);
  b.t('COMPLAINT FORM          ').agency().t('\n');
  b.t('Complainant: ').pii('PERSON_PRIVATE', a.full).t('        Date rec’d: ').publicDate().t('\n');
  b.t(`${b.ssnLabel()}: `)
    .pii('SSN', b.damaged(ssn(r)))
    .t('        Phone: ')
    .pii('PHONE', b.damaged(phone(r)))
    .t('\n');
  b.t('Against: ').pii('PERSON_PRIVATE', c.full).t(' (supervisor)\n');
  b.t('Narrative: On the night shift ').pii('PERSON_PRIVATE', c.family).t(' told me to leave. My card ');
  b.pii('FINANCIAL_ACCOUNT', card(r)).t(' was kept. Reviewed by ').official().t('.\n');
};

export const forwardedMail: Template = (b, r, part) => {
  const sender = person(r, part);
  const friend = person(r, part);
  b.t('---------- Forwarded message ---------\nFrom: ').pii('PERSON_PRIVATE', sender.full).t(' <');
  b.pii('EMAIL', email(r, sender)).t('>\nDate: ').publicDate().t('\nSubject: records about my late father\n\n');
  b.t('Hello, please send what the ').agency().t(' holds on my father, ');
  b.pii('PERSON_PRIVATE', person(r, part).full)
    .t(', who died in ')
    .t(String(r.int(2001, 2019)))
    .t('.\n');
  b.t('My cousin ')
    .pii('PERSON_PRIVATE', friend.given)
    .t(' can confirm; reach him at ')
    .pii('PHONE', phone(r))
    .t('.\n\n');
  b.t('Kind regards,\n').pii('PERSON_PRIVATE', sender.full).t('\nMobile ').pii('PHONE', phone(r)).t('\n');
  b.pii('ADDRESS', address(r, '\n').full).t('\n\nRequest handled under ').citation().t('.\n');
};

export const HELDOUT2_TEMPLATES: Record<string, Template> = {
  pagedCaseFile,
  pipeRoster,
  witnessList,
  twoColumnScan,
  forwardedMail,
};
