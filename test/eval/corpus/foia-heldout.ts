import type { Template } from './foia-dev';
import { person } from './people';
import { address, card, date, email, phone, ssn } from './values';

/** Templates the recognisers are never tuned on: other layouts, other words around the identifiers, scanner noise. */
export const faxCover: Template = (b, r, part) => {
  const to = person(r, part);
  b.t('*** FAX TRANSMITTAL ***            CONTROLLED UNCLASSIFIED\n');
  b.t('TO:      ')
    .pii('PERSON_PRIVATE', to.full)
    .t('\nFAX:     ')
    .pii('PHONE', phone(r))
    .t('\nFROM:    Records Unit, ')
    .agency();
  b.t('\nPAGES:   6 (incl. cover)\nRE:      ').tracking().t('\n\n');
  b.t('Attached are the records on ')
    .pii('PERSON_PRIVATE', person(r, part).full)
    .t(' (d.o.b. ')
    .pii('DOB', date(r, 1948, 2001));
  b.t('). Forward any questions to ').pii('EMAIL', email(r, to)).t('.\n');
  b.t('Processed under ').citation().t('.\n');
  b.t('\n— This fax may contain information protected by ').citation().t(' —    page 1/6\n');
};

export const interviewSummary: Template = (b, r, part) => {
  const w = person(r, part);
  const kid = person(r, part);
  b.t('INTERVIEW SUMMARY — ')
    .agency()
    .t('\nInterviewer: Special Agent ')
    .pii('PERSON_PRIVATE', person(r, part).full)
    .t('\n');
  b.t('Interviewee: ').pii('PERSON_PRIVATE', w.full).t(', residing at ').pii('ADDRESS', address(r).full).t('\n\n');
  b.t(`Q: State your ${b.ssnLabel().toLowerCase()}.\nA: `).pii('SSN', ssn(r)).t('.\n');
  b.t('Q: And your date of birth?\nA: I was born ')
    .pii('DOB', date(r, 1950, 1999))
    .t('.\n');
  b.t('Q: Who else lives there?\nA: My daughter ')
    .pii('PERSON_PRIVATE', kid.given)
    .t(' and my neighbour, ')
    .pii('PERSON_PRIVATE', person(r, part).full);
  b.t('.\nQ: Did you attend ').event().t('?\nA: Yes. ').official().t(' spoke there about the ').agency().t('.\n');
  b.t('Q: How do we reach you?\nA: ').pii('PHONE', phone(r)).t(', or text ').pii('PHONE', phone(r)).t('.\n');
  b.t('Agent note: ')
    .pii('PERSON_PRIVATE', w.family)
    .t(' produced ')
    .t(r.pick(['her ', 'his ']));
  b.id().t('.\n');
};

export const csvExport: Template = (b, r, part) => {
  b.t('case_id,last_name,first_name,dob,ssn,phone,email,street,city_state_zip\n');
  for (let i = r.int(3, 6); i > 0; i--) {
    const c = person(r, part);
    const a = address(r);
    b.t(`${r.int(1000, 9999)},`)
      .pii('PERSON_PRIVATE', c.family)
      .t(',')
      .pii('PERSON_PRIVATE', c.given)
      .t(',');
    b.pii('DOB', date(r, 1940, 2005).replace(/,/g, ''))
      .t(',')
      .pii('SSN', ssn(r))
      .t(',')
      .pii('PHONE', phone(r))
      .t(',');
    b.pii('EMAIL', email(r, c)).t(',"').pii('ADDRESS', a.full).t('"\n');
  }
};

export const intakeForm: Template = (b, r, part) => {
  const c = person(r, part);
  b.t('PRIVACY ACT / FOIA REQUEST FORM                                   OMB No. 1651-0111\n');
  b.t('Section 1. Requester\n  Full name ............ ')
    .pii('PERSON_PRIVATE', c.full)
    .t('\n  Date of Birth ........ ')
    .pii('DOB', date(r, 1942, 2004));
  b.t(`\n  ${b.ssnLabel()} ............. `)
    .pii('SSN', ssn(r))
    .t('\n  Mailing address ...... ')
    .pii('ADDRESS', address(r).full);
  b.t('\n  Daytime telephone .... ')
    .pii('PHONE', phone(r))
    .t('\n  E-mail ............... ')
    .pii('EMAIL', email(r, c))
    .t('\n');
  b.t('  Identifying number ... ');
  b.id().t('\nSection 2. Fee waiver: payment by card ').pii('FINANCIAL_ACCOUNT', card(r)).t('\n');
  b.t('Section 3. Records sought: inspection reports of the ').agency().t(' discussed at ').event().t('.\n');
  b.t('Signature: ').pii('PERSON_PRIVATE', c.full).t('   Date: ').publicDate().t('\n');
  b.t('Form G-639 (rev. 2022)            Authority: ').citation().t('\n');
};

export const scannedLetter: Template = (b, r, part) => {
  b.scanned();
  const c = person(r, part);
  b.t('[scanned image, OCR text follows]\n\n');
  b.t('Dear Sir or Madam ,\n\nMy name is ')
    .pii('PERSON_PRIVATE', c.full)
    .t(' and I live at ')
    .pii('ADDRESS', address(r).full);
  b.t(' . I want every file the ')
    .agency()
    .t(` keeps on me. My ${b.ssnLabel()} is `)
    .pii('SSN', b.damaged(ssn(r)));
  b.t(' and my DOB ')
    .pii('DOB', b.damaged(date(r, 1945, 2000)))
    .t(' . Phone ')
    .pii('PHONE', b.damaged(phone(r)));
  b.t(' , email ').pii('EMAIL', email(r, c)).t(' .\nMy late husband ').pii('PERSON_PRIVATE', person(r, part).full);
  b.t(' also had a file ( ');
  b.id().t(' ) .\n\nRespectfully ,\n').pii('PERSON_PRIVATE', c.full).t('\n');
};

export const meetingMinutes: Template = (b, r, part) => {
  const s = person(r, part);
  b.t('MINUTES — Regional Advisory Board\nPresent: ')
    .official()
    .t(' (chair); ')
    .official()
    .t('; staff of the ')
    .agency()
    .t('.\n\n');
  b.t('Item 1. The chair opened ').event().t(' and cited ').citation().t('.\n');
  b.t('Item 2. Public comment: ')
    .pii('PERSON_PRIVATE', s.full)
    .t(' asked about her claim; staff will call her at ')
    .pii('PHONE', phone(r));
  b.t('. A resident, ')
    .pii('PERSON_PRIVATE', person(r, part).full)
    .t(', complained about noise near ')
    .pii('ADDRESS', address(r).full)
    .t('.\n');
  b.t('Item 3. ').pii('PERSON_PRIVATE', s.family).t(`'s refund of $212 goes to `);
  b.id().t('.\nNext meeting at ').agencyAddress().t('.\n');
};

export const HELDOUT_TEMPLATES: Record<string, Template> = {
  faxCover,
  interviewSummary,
  csvExport,
  intakeForm,
  scannedLetter,
  meetingMinutes,
};
