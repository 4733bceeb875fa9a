import type { Person } from './people';
import type { Rng } from './rng';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid SSN (area 001–899 but not 666, group and serial non-zero) in one of the ways people write it. */
export function ssn(r: Rng): string {
  let area = r.int(1, 899);
  if (area === 666) area = 667;
  const [a, g, s] = [pad(area, 3), pad(r.int(1, 99), 2), pad(r.int(1, 9999), 4)];
  return r.pick([`${a}-${g}-${s}`, `${a}-${g}-${s}`, `${a}${g}${s}`, `${a} ${g} ${s}`, `${a}–${g}–${s}`]);
}

const AREA_CODES = ['217', '312', '415', '646', '702', '808', '919', '503', '404', '713', '612', '305'];

export function phone(r: Rng): string {
  const [a, x, n] = [r.pick(AREA_CODES), `${r.int(2, 9)}${r.digits(2)}`, r.digits(4)];
  return r.pick([
    `(${a}) ${x}-${n}`,
    `${a}-${x}-${n}`,
    `${a}.${x}.${n}`,
    `+1 ${a} ${x} ${n}`,
    `1-${a}-${x}-${n}`,
    `+1 (${a}) ${x}-${n}`,
    `+44 20 ${r.digits(4)} ${r.digits(4)}`,
    `+49 30 ${r.digits(3)} ${r.digits(4)}`,
    `+91 ${r.int(70, 99)}${r.digits(3)} ${r.digits(5)}`,
    `+234 803 ${r.digits(3)} ${r.digits(4)}`,
    `+84 91 ${r.digits(3)} ${r.digits(2)} ${r.digits(2)}`,
    `+86 138 ${r.digits(4)} ${r.digits(4)}`,
    `+52 55 ${r.digits(4)} ${r.digits(4)}`,
  ]);
}

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

export function email(r: Rng, p: Person): string {
  const [g, f] = [ascii(p.given), ascii(p.family)];
  const domain = r.pick(['example.com', 'mail.example.org', 'example.net', 'inbox.example.co.uk', 'example.io']);
  const local = r.pick([`${g}.${f}`, `${g[0]}${f}${r.int(1, 99)}`, `${f}_${g}`, `${g}.${f}+foia`, `${g}${f[0]}`]);
  const out = `${local}@${domain}`;
  return r.chance(0.15) ? out.toUpperCase() : out;
}

const STREETS = [
  'Oak Hollow',
  'Magnolia',
  'Elm',
  'Cedar Ridge',
  'Jefferson',
  'Riverside',
  'Old Mill',
  'Sunset',
  'Lakeview',
  'Birch',
];
const TYPES = [
  'Street',
  'St.',
  'Road',
  'Rd',
  'Avenue',
  'Ave.',
  'Lane',
  'Drive',
  'Dr.',
  'Boulevard',
  'Court',
  'Way',
  'Place',
  'Terrace',
  'Circle',
];
const CITIES: [string, string][] = [
  ['Dayton', 'OH'],
  ['Springfield', 'IL'],
  ['San Antonio', 'TX'],
  ['Fort Collins', 'CO'],
  ['Silver Spring', 'MD'],
  ['Boise', 'ID'],
  ['St. Paul', 'MN'],
  ['Albuquerque', 'NM'],
];

export interface Address {
  street: string;
  city: string;
  full: string;
}

/** A home address; `sep` joins the street and city lines (", " inline, "\n" in a letter's address block). */
export function address(r: Rng, sep = ', '): Address {
  const unit = r.chance(0.3)
    ? `, ${r.pick(['Apt', 'Unit', 'Apt.', '#'])} ${r.int(1, 40)}${r.pick(['', 'B', 'C'])}`
    : '';
  const dir = r.chance(0.2) ? `${r.pick(['N', 'S', 'East', 'W.'])} ` : '';
  const street = r.chance(0.1)
    ? `P.O. Box ${r.int(100, 9999)}`
    : `${r.int(1, 9899)} ${dir}${r.pick(STREETS)} ${r.pick(TYPES)}${unit}`;
  const [city, state] = r.pick(CITIES);
  const zip = `${r.int(10000, 99899)}${r.chance(0.3) ? `-${r.digits(4)}` : ''}`;
  const cityLine = `${city}, ${state} ${zip}`;
  return { street, city: cityLine, full: `${street}${sep}${cityLine}` };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function date(r: Rng, fromYear: number, toYear: number): string {
  const [y, m, d] = [r.int(fromYear, toYear), r.int(1, 12), r.int(1, 28)];
  return r.pick([
    `${pad(m, 2)}/${pad(d, 2)}/${y}`,
    `${m}/${d}/${String(y).slice(2)}`,
    `${y}-${pad(m, 2)}-${pad(d, 2)}`,
    `${MONTHS[m - 1]} ${d}, ${y}`,
    `${d} ${MONTHS[m - 1]!.slice(0, 3)} ${y}`,
    `${MONTHS[m - 1]!.slice(0, 3)}. ${d}, ${y}`,
  ]);
}

function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function card(r: Rng): string {
  const body = `${r.pick(['4', '51', '37', '6011'])}${r.digits(15)}`.slice(0, 15);
  const digits = body + luhnDigit(body);
  return r.chance(0.5) ? digits.replace(/(\d{4})(?=\d)/g, '$1 ') : digits.replace(/(\d{4})(?=\d)/g, '$1-');
}

/** An identifying number with the words that say what it is: [label, value, gold category]. */
export function idNumber(r: Rng): [string, string, string] {
  const letter = () => String.fromCharCode(65 + r.int(0, 25));
  return r.pick<[string, string, string]>([
    [
      r.pick(['Account No. ', 'account number ', 'Acct #', 'checking account ']),
      r.digits(r.int(8, 12)),
      'FINANCIAL_ACCOUNT',
    ],
    [r.pick(['Routing number ', 'ABA ']), r.digits(9), 'FINANCIAL_ACCOUNT'],
    [r.pick(['Passport No. ', 'passport number ', 'Passport: ']), `${letter()}${r.digits(8)}`, 'ID_NUMBER'],
    [
      r.pick(["Driver's License ", 'DL# ', "driver's licence no. "]),
      `${letter()}${r.digits(3)}-${r.digits(4)}-${r.digits(4)}`,
      'ID_NUMBER',
    ],
    [r.pick(['MRN ', 'Medical Record Number: ', 'medical record no. ']), r.digits(r.int(7, 9)), 'ID_NUMBER'],
    [
      r.pick(['Claim No. ', 'claim number ', 'Case # ', 'case file ']),
      `${r.int(2015, 2024)}-${r.digits(5)}`,
      'ID_NUMBER',
    ],
    [r.pick(['A-Number ', 'Alien Registration No. ']), `A${r.digits(9)}`, 'ID_NUMBER'],
    [r.pick(['Employee ID ', 'badge number ']), `${letter()}${letter()}${r.digits(6)}`, 'ID_NUMBER'],
  ]);
}

/** Scanner damage: letters read as digits and back, a space lost or added. Applied to whole pieces. */
export function ocr(r: Rng, value: string, rate = 0.12): string {
  const swaps: Record<string, string[]> = {
    '1': ['l', 'I'],
    '0': ['O'],
    '5': ['S'],
    S: ['5'],
    l: ['1'],
    O: ['0'],
    o: ['0'],
    i: ['1'],
    ' ': ['', '  '],
    '-': [' ', ''],
  };
  return [...value].map((c) => (swaps[c] && r.chance(rate) ? r.pick(swaps[c]!) : c)).join('');
}
