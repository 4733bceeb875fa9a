import type { Rng } from './rng';

/** Given and family names from many naming traditions; each part of the corpus draws from its own half. */
const CULTURES: { given: string[]; family: string[] }[] = [
  {
    given: ['Amira', 'Omar', 'Layla', 'Yusuf', 'Fatima', 'Khalid', 'Nour', 'Tariq', 'Samira', 'Hassan'],
    family: [
      'Al-Mansouri',
      'Haddad',
      'El-Sayed',
      'bin Rashid',
      'Khoury',
      'Nasser',
      'Abdelrahman',
      'Al-Farsi',
      'Saleh',
      'Aziz',
    ],
  },
  {
    given: ['Wei', 'Mei', 'Jun', 'Xiaoling', 'Hao', 'Lian', 'Zhen', 'Yan', 'Bo', 'Qing'],
    family: ['Zhang', 'Chen', 'Liu', 'Huang', 'Zhou', 'Xu', 'Guo', 'Lin', 'Zhao', 'Wu'],
  },
  {
    given: ['Chukwuemeka', 'Ngozi', 'Obinna', 'Adaeze', 'Chinonso', 'Ifeoma', 'Nnamdi', 'Amaka', 'Ikenna', 'Chiamaka'],
    family: ['Okonkwo', 'Eze', 'Nwosu', 'Okafor', 'Obi', 'Nwachukwu', 'Onyekachi', 'Uzoma', 'Okeke', 'Chukwu'],
  },
  {
    given: ['Priya', 'Rahul', 'Ananya', 'Vikram', 'Deepika', 'Arjun', 'Kavita', 'Sanjay', 'Meera', 'Rohan'],
    family: ['Venkataraman', 'Sharma', 'Iyer', 'Patel', 'Reddy', 'Banerjee', 'Krishnan', 'Gupta', 'Deshmukh', 'Nair'],
  },
  {
    given: ['Alejandro', 'María José', 'Lucía', 'Javier', 'Carmen', 'Diego', 'Sofía', 'Andrés', 'Valentina', 'Mateo'],
    family: [
      'García-Márquez',
      'Hernández',
      'de la Cruz',
      'Rodríguez',
      'Fernández López',
      'Morales',
      'Ruiz',
      'Castillo',
      'Ortega',
      'Navarro',
    ],
  },
  {
    given: ['Thi Lan', 'Minh', 'Thu Trang', 'Quang', 'Ngoc Anh', 'Duc', 'Hoa', 'Tuan', 'Phuong', 'Khanh'],
    family: ['Nguyễn', 'Tran', 'Lê', 'Pham', 'Hoang', 'Vu', 'Dang', 'Bui', 'Do', 'Ngo'],
  },
  {
    given: ['Pieter', 'Sanne', 'Ingrid', 'Klaus', 'Siobhán', 'Eamon', 'Margit', 'Lars', 'Aoife', 'Henrik'],
    family: [
      'van der Berg',
      "O'Brien",
      'Müller',
      'de Vries',
      'McAllister',
      'Lindqvist',
      'Van Houten',
      'Schmidt-Weber',
      'Fitzgerald',
      'Kowalczyk',
    ],
  },
  {
    given: ['Jennifer', 'Marcus', 'Tyrone', 'Ashley', 'Brandon', 'Keisha', 'Dwayne', 'Courtney', 'Travis', 'Latoya'],
    family: [
      'Washington',
      'Holloway',
      'Jefferson',
      'Brooks',
      'Whitaker',
      'Coleman',
      'Dawson',
      'Pruitt',
      'Langley',
      'Mercer',
    ],
  },
];

export type Part = 'dev' | 'heldout';

export interface Person {
  given: string;
  family: string;
  full: string;
}

/** A private person: dev draws the even-indexed names of every culture, held-out the odd ones. */
export function person(r: Rng, part: Part): Person {
  const culture = r.pick(CULTURES);
  const half = <T>(xs: T[]) => xs.filter((_, i) => i % 2 === (part === 'dev' ? 0 : 1));
  const given = r.pick(half(culture.given));
  const family = r.pick(half(culture.family));
  return { given, family, full: `${given} ${family}` };
}

/** Officials appear in their public role: never redacted. */
export const OFFICIALS = {
  dev: ['Samuel Whitfield', 'Elena Ramírez', 'Gregory Tan', 'Olivia Mbeki', 'Harold Jensen', 'Rachel Abernathy'],
  heldout: ['Denise Okoro', 'Martin Kessler', 'Aisha Rahman', 'Victor Delgado', 'Helen Park', 'Thomas Aldridge'],
};

export const TITLES = {
  dev: ['Secretary', 'Director', 'Administrator', 'Senator', 'Commissioner'],
  heldout: ['Deputy Director', 'Governor', 'Assistant Secretary', 'Representative', 'Chief Counsel', 'Mayor'],
};

export const AGENCIES = {
  dev: [
    'Department of Homeland Security',
    'Federal Emergency Management Agency',
    'Environmental Protection Agency',
    'Department of Veterans Affairs',
    'Office of Information Policy',
  ],
  heldout: [
    'U.S. Citizenship and Immigration Services',
    'Department of Housing and Urban Development',
    'Federal Bureau of Investigation',
    'Social Security Administration',
    'Department of Labor',
  ],
};

/** Agency headquarters: a public address. */
export const AGENCY_ADDRESSES = {
  dev: [
    '245 Murray Lane SW, Washington, DC 20528',
    '500 C Street SW, Washington, DC 20472',
    '810 Vermont Avenue NW, Washington, DC 20420',
  ],
  heldout: [
    '5900 Capital Gateway Drive, Camp Springs, MD 20746',
    '451 7th Street SW, Washington, DC 20410',
    '6401 Security Boulevard, Baltimore, MD 21235',
  ],
};

export const CITATIONS = {
  dev: [
    '5 U.S.C. § 552(b)(6)',
    '5 U.S.C. § 552(b)(7)(C)',
    '28 C.F.R. § 16.3',
    'Smith v. Jones, 123 F.3d 456 (9th Cir. 1997)',
    'U.S. Dep’t of State v. Washington Post Co., 456 U.S. 595 (1982)',
  ],
  heldout: [
    '5 U.S.C. 552(a)(4)(B)',
    '5 U.S.C. §552(b)(5)',
    '6 C.F.R. Part 5',
    'Dep’t of Justice v. Reporters Comm. for Freedom of the Press, 489 U.S. 749 (1989)',
    'Milner v. Department of the Navy, 562 U.S. 562 (2011)',
    'Nat’l Archives & Records Admin. v. Favish, 541 U.S. 157 (2004)',
  ],
};

export const PUBLIC_EVENTS = {
  dev: [
    'the public hearing on June 14, 2022',
    'the press conference of March 3, 2021',
    'the town hall held on 12 October 2020',
  ],
  heldout: [
    'the Senate hearing of September 9, 2019',
    'the public meeting on 2021-05-18',
    'the press briefing on Jan. 7, 2023',
  ],
};
