import { createRequire } from 'node:module';

/** Clinical and legal words that are not in the English list but are never a person acting: eponyms, imaging terms. */
const NOT_PEOPLE = new Set([
  'doppler',
  'duplex',
  'fleischner',
  'bosniak',
  'hounsfield',
  'lugano',
  'glasgow',
  'gleason',
  'breslow',
  'fontaine',
  'salter',
  'weber',
  'garden',
  'schatzker',
  'mri',
  'pacs',
  'ris',
  'foia',
  'radiographer',
  'sonographer',
  'sonography',
  'fluoroscopy',
  'angiography',
  'mammography',
  'tomosynthesis',
  'echocardiography',
  'histopathology',
  'teleradiology',
  'reviewer',
]);

let words: Set<string> | undefined;

/** Whether a word is ordinary English (or a clinical term): a capitalised word that is not is likely a name. */
export function isCommonWord(word: string): boolean {
  words ??= new Set(createRequire(__filename)('an-array-of-english-words') as string[]);
  const w = word.toLowerCase();
  return words.has(w) || NOT_PEOPLE.has(w) || (w.endsWith('s') && words.has(w.slice(0, -1)));
}
