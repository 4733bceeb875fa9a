/** Latin look-alikes (Cyrillic, Greek) that obfuscated requests swap in so a lexicon misses the word. */
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
};
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

const HOMOGLYPH = /[авеёкмнорстухіјѕαεικορτυ]/g;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const LEET_TOKEN = /[a-z0-9@$]*[a-z][a-z0-9@$]*/g;
/** Records are full of numbers with units or labels (34F, 50mm, L2, 3D): those are not leetspeak. */
const MEASURE = /^\$?(?:\d+[a-z]{0,3}|[a-z]{1,2}\d{1,2}|\d+[a-z]+\d+)$/;
/** Four or more single letters spelled apart ("n a p a l m") are one word. */
const SPACED = /\b(?:[a-z] ){3,}[a-z]\b/g;

/** A lone "1" where the pronoun belongs: "how can 1 poison", "what pills can 1 take". */
const LONE_ONE =
  /(?<=\b(?:can|could|do|should|would|will|did|am|have|if|when|where|how|what|and|but|so) )1(?= [a-z]{2,})/g;

function unLeet(token: string): string {
  if (!/[0-9@$]/.test(token) || (MEASURE.test(token) && !/[a-z]0$/.test(token))) return token;
  // "1" is an i or an l; before a vowel it is the l ("mus1ims", "b1ack"), elsewhere the i ("k1ll", "p1lls").
  return token.replace(/1(?=[aeiouy])/g, 'l').replace(/[0-9@$]/g, (c) => LEET[c] ?? c);
}

/**
 * The form the lexicons read: lower case, look-alike letters and leetspeak undone, spaced-out words joined,
 * typographic apostrophes straightened. Sentence punctuation is kept so sentences still split.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(HOMOGLYPH, (c) => HOMOGLYPHS[c] ?? c)
    .replace(LEET_TOKEN, unLeet)
    .replace(SPACED, (m) => m.replace(/ /g, ''))
    .replace(LONE_ONE, 'i');
}
