import type { Category } from './categories';

/**
 * A harm the text may carry. `means` is knowledge or an artefact (a bomb recipe, a lethal dose, ransomware): a
 * record may describe it, so it is harmful only when asked for or intended. `act` is harmful as said (a threat,
 * a dehumanising claim, a wish to die) unless it is someone else's words in a record. `with` makes a euphemism:
 * neither half is harmful alone, both within the window are.
 */
export interface Harm {
  category: Category;
  kind: 'means' | 'act';
  pattern: RegExp;
  with?: RegExp;
}

const R = String.raw;
const RELATIVE = R`(?:husband|wife|boss|neighbou?r|mother|father|mom|mum|dad|brother|sister|ex|girlfriend|boyfriend|partner|teacher|classmates?|co-?workers?|roommate|family|kids?|son|daughter|baby|landlord|uncle|aunt|friend)`;

/** Who an act of violence is aimed at: people, never processes or portraits. */
export const PERSON = R`(?:someone|somebody|anyone|everyone|(?:a|the|this|that) (?:\w+ )?(?:person|child|kid|cop|woman|man|girl|boy|guy|stranger|guard|witness|informant|rival|enemy|target|politician|officer|nurse|doctor|teacher|student|baby|toddler|pedestrian|driver|customer|neighbou?r)|people|him|her|them|you|(?:my|their|his|her|your|our|a) (?:\w+ )?${RELATIVE}|protesters|a crowd|crowds|children|students|cops|police(?: officers)?|officers|the (?:president|senator|judge|mayor|victim|crowd)|(?:\w+'s |the |a )?(?:dog|cat))`;

export const GROUP = R`(?:the )?(?:jews|jewish people|muslims|christians|immigrants|migrants|refugees|(?:black|gay|lesbian|queer|trans|transgender|jewish|muslim|asian|arab|mexican|disabled|autistic) (?:people|men|women|folks|families|kids)|trannies|tranny|faggots|fags|kikes|spics|chinks|wetbacks|towelheads|ragheads|blacks|whites|white people|asians|hispanics|latinos|mexicans|arabs|gays|lesbians|homosexuals|trans (?:people|women|men)|transgender people|women|africans|indians|chinese|gypsies|roma|mixed(?:-race)? people|disabled people|the disabled|the races|foreigners)`;

export const re = (source: string) => new RegExp(source);
