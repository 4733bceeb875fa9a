import { type Hit, hit } from './types';

const WORD = "(?:St\\.|Saint|\\p{Lu}[\\p{L}'’]*)";
const FACILITY = new RegExp(
  `\\b${WORD}(?: ${WORD}){0,4} (?:Hospital|Medical Center|Medical Centre|Clinic|Infirmary|Health System|Imaging Center|Imaging Centre|Health Centre|Health Center)\\b`,
  'gu',
);

/** Named care facilities ("Mercy Ridge Medical Center"): they place a patient, so de-identification removes them. */
export function findFacilities(text: string): Hit[] {
  return [...text.matchAll(FACILITY)].map((m) =>
    hit(text, m.index!, m.index! + m[0].length, 'ADDRESS', 0.8, 'named care facility'),
  );
}
