import assert from 'node:assert/strict';
import { test } from 'node:test';
import { personalSpans } from '../../shared/foia/recognisers';
import { recogniseIdentifiers } from '../../shared/identifiers';
import { findAddresses } from '../../shared/identifiers/address';
import { findDatesOfBirth } from '../../shared/identifiers/dates';
import { findEmails } from '../../shared/identifiers/email';
import { findNames } from '../../shared/identifiers/names';
import { findNumbers } from '../../shared/identifiers/numbers';
import { findPhones } from '../../shared/identifiers/phone';
import { findSsns } from '../../shared/identifiers/ssn';

const texts = (hits: { text: string }[]) => hits.map((h) => h.text);

test('SSN: dashed, run together or spaced next to SSN words, scanner-damaged; invalid areas and bare numbers are not', () => {
  assert.deepEqual(texts(findSsns('SSN 219099999 on file')), ['219099999']);
  assert.deepEqual(texts(findSsns('Soc. Sec. # 219 09 9999')), ['219 09 9999']);
  assert.deepEqual(texts(findSsns('S5N 2l9-O9-9999 (scanned)')), ['2l9-O9-9999']);
  assert.deepEqual(texts(findSsns('| ssn |\n|---|\n| 219099999 |')), ['219099999'], 'a column headed ssn');
  assert.deepEqual(findSsns('order 219099999 shipped'), [], 'nine bare digits without SSN words');
  assert.deepEqual(findSsns('Invoice 912-34-5678'), [], 'area 9xx');
  assert.equal(findSsns('SSN: 000-12-3456')[0]?.confidence, 0.6, 'invalid but labelled: flagged low');
});

test('phones: NANP shapes and international numbers; an SSN is not a phone', () => {
  for (const p of [
    '(217) 555-0142',
    '217.555.0142',
    '+1 217 555 0142',
    '1-217-555-0142',
    '+44 20 7946 0958',
    '+234 803 123 4567',
    '+84 91 234 56 78',
  ])
    assert.deepEqual(texts(findPhones(`call ${p} today`)), [p], p);
  assert.deepEqual(findPhones('SSN 219-09-9999'), []);
  assert.deepEqual(texts(findPhones('cell 2175550142')), ['2175550142']);
});

test('e-mail in any case, with plus tags and sub-domains', () => {
  assert.deepEqual(texts(findEmails('Write to NGOZI.EZE+FOIA@MAIL.EXAMPLE.CO.UK, please')), [
    'NGOZI.EZE+FOIA@MAIL.EXAMPLE.CO.UK',
  ]);
});

test('addresses: street with unit and city/state/ZIP+4 on the next line, P.O. boxes, ZIP by context', () => {
  assert.deepEqual(texts(findAddresses('lives at 77 N Magnolia St., Apt 4B\nSt. Paul, MN 55101-1234 now')), [
    '77 N Magnolia St., Apt 4B\nSt. Paul, MN 55101-1234',
  ]);
  assert.deepEqual(texts(findAddresses('P.O. Box 1234, Austin, TX 78701')), ['P.O. Box 1234, Austin, TX 78701']);
  assert.deepEqual(texts(findAddresses('home ZIP 73261.')), ['73261']);
});

test('dates of birth need birth words (or a dob column); OCR-damaged dates still count', () => {
  assert.deepEqual(texts(findDatesOfBirth('DOB Ju1y 3, 1969; hearing on July 4, 2021')), ['Ju1y 3, 1969']);
  assert.deepEqual(texts(findDatesOfBirth('I was born 1 Mar1978.')), ['1 Mar1978']);
  assert.deepEqual(findDatesOfBirth('The public hearing on June 14, 2022.'), []);
});

test('numbers by label: passport, licence, MRN, claim, A-number, account; a card by Luhn only', () => {
  const found = findNumbers(
    'Passport No. X12345678, DL# S530-4417-9981, MRN 00482913, my case Claim No. 2021-04417, Acct #004417283361, card 4111 1111 1111 1111, not 4111 1111 1111 1112',
  );
  assert.deepEqual(texts(found), [
    '4111 1111 1111 1111',
    'X12345678',
    'S530-4417-9981',
    '00482913',
    '2021-04417',
    '004417283361',
  ]);
  assert.equal(found.find((h) => h.text === '004417283361')?.kind, 'FINANCIAL_ACCOUNT');
});

test('names by context from many traditions, repeated mentions, and officials marked', () => {
  const text = [
    'Dear Ms. Nguyễn Thị Lan,',
    'The requester, Chukwuemeka Okonkwo, wrote c/o Pieter van der Berg. Okonkwo called twice.',
    'Amira Al-Mansouri (daughter) and María José García-Márquez, the patient, were present.',
    'Secretary Elena Ramírez announced the audit.',
    'Sincerely,\n\nPriya Venkataraman',
  ].join('\n');
  const names = findNames(text);
  for (const n of [
    'Nguyễn Thị Lan',
    'Chukwuemeka Okonkwo',
    'Pieter van der Berg',
    'Amira Al-Mansouri',
    'Priya Venkataraman',
  ])
    assert.ok(
      names.some((h) => h.text === n && !h.officialRole),
      `${n} is a private name`,
    );
  assert.equal(names.filter((h) => h.text === 'Okonkwo').length, 1, 'the surname alone, mentioned again');
  assert.ok(names.some((h) => /García-Márquez/.test(h.text)));
  assert.ok(
    names.filter((h) => /Ramírez/.test(h.text)).every((h) => h.officialRole),
    'an official in a public role',
  );
});

test('a validated identifier wins over a name overlapping it; FOIA keeps citations, agencies and agency addresses', () => {
  const hits = recogniseIdentifiers('Contact Mr. Jones at jones.smith@example.com');
  assert.deepEqual(
    hits.map((h) => [h.kind, h.text]),
    [
      ['PERSON', 'Jones'],
      ['EMAIL', 'jones.smith@example.com'],
    ],
  );
  const letter =
    'Department of Labor\n200 Constitution Avenue NW, Washington, DC 20210\n\nWithheld under 5 U.S.C. § 552(b)(6) and Smith v. Jones, 123 F.3d 456 (9th Cir. 1997), as Administrator Gregory Tan of the Department of Labor announced.';
  assert.deepEqual(personalSpans(letter), [], 'nothing private in a public letterhead, citations and an official');
  assert.equal(personalSpans(letter, { redactOfficials: true })[0]?.text, 'Gregory Tan');
});
