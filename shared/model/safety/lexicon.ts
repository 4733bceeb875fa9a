import type { Category } from './categories';

export interface Rule {
  category: Category;
  pattern: RegExp;
  /** 2 mentions or descriptions, 4 endorsement or graphic detail, 6 intent, instructions or threats. */
  severity: 2 | 4 | 6;
}

/** Direct-form lexicon rules, read on normalised (lower-case) text, strongest first within a category. */
export const RULES: Rule[] = [
  {
    category: 'violence',
    pattern:
      /\b(i(?:'m| am)? (?:going to|gonna|will) (?:kill|shoot|stab|hurt)|how (?:do i|to) (?:make|build) (?:a )?(?:bomb|pipe bomb|explosive)|kill (?:them|him|her|everyone) all)\b/,
    severity: 6,
  },
  { category: 'violence', pattern: /\b(massacre|behead\w*|torture\w*|mutilat\w*|slaughter\w*)\b/, severity: 4 },
  {
    category: 'violence',
    pattern:
      /\b(gunshot|stab(?:bed|bing)?|shot|shooting|assault\w*|murder\w*|kill(?:ed|ing)?|wound\w*|bomb\w*|attack\w*|blunt (?:force )?trauma|fracture\w*|laceration\w*|haemorrhage|hemorrhage)\b/,
    severity: 2,
  },
  {
    category: 'selfHarm',
    pattern:
      /\b(i (?:want|plan|am going) to (?:kill myself|end my life|die)|how (?:much|many) .{0,30}(?:to overdose|to die)|best way to (?:kill myself|commit suicide))\b/,
    severity: 6,
  },
  {
    category: 'selfHarm',
    pattern: /\b(suicid\w*|self[- ]harm\w*|overdos\w*|cutting myself|self[- ]inflicted)\b/,
    severity: 2,
  },
  {
    category: 'hate',
    pattern:
      /\b(exterminate (?:all )?(?:the )?\w+s|(?:\w+s) are (?:sub-?human|vermin|animals)|inferior race|racial purity)\b/,
    severity: 6,
  },
  { category: 'hate', pattern: /\b(go back to your country|you people are)\b/, severity: 4 },
  {
    category: 'sexual',
    pattern: /\b(explicit sex|porn\w*|sexual intercourse in detail|nude photos of)\b/,
    severity: 6,
  },
  { category: 'sexual', pattern: /\b(sexual(?:ly)? assault\w*|rape\w*|molest\w*)\b/, severity: 2 },
  {
    category: 'illegalActivity',
    pattern:
      /\b(how (?:do i|to) (?:make|cook|synthesi[sz]e) (?:meth|methamphetamine|fentanyl|heroin)|launder(?:ing)? (?:the )?money|buy stolen (?:credit cards|identities)|evade (?:the )?taxes|hack into|bypass (?:the )?(?:alarm|security system) to steal)\b/,
    severity: 6,
  },
  {
    category: 'illegalActivity',
    pattern: /\b(money laundering|drug trafficking|fraudulent|bribe\w*|embezzl\w*|smuggl\w*)\b/,
    severity: 2,
  },
];

/**
 * Harm words used for something else: processes and switches are killed, markets slaughtered, portraits shot,
 * hearts and phishing attack. Blanked before the lexicons read the text, so they are not even mentions.
 */
const IDIOMS =
  /\b(?:kill(?:ed|ing)? (?:switch(?:es)?|(?:a |the |this |that |all |every |any )?(?:[\w-]+ ){0,2}(?:process(?:es)?|job|task|session|app|command|query|thread|container|pod|tab|server|program|feature|deal|idea)s?)|(?:markets?|equities|stocks?|shares|bonds?|prices?|yields?|spreads?|volatility|vol|rates?|credit|futures|the (?:index|dollar|euro|yen)) (?:were |was |got |have been |has been )?(?:slaughtered|killed|crushed|bombed|hammered|shot up|massacred)|(?:prices?|yields?|volatility|vol|rates?|spreads?|costs?|demand|losses|exposure|var) (?:shot|shoot|shooting) up|(?:shoot|shot|shooting) (?:a |the |my |some )?(?:portrait|photo|photos|video|scene|film|wedding|footage|email|message|hoops)s?|shoot (?:me|him|her|them|us|you) (?:an? )?(?:email|message|text|note|line)|photo ?shoot|(?:heart|panic|asthma|phishing|cyber|ransomware|ddos|denial[- ]of[- ]service|brute[- ]force|replay|man[- ]in[- ]the[- ]middle) attacks?|attack (?:surface|vector)s?|bomb(?:ed)? (?:the|an|my) (?:exam|test|interview)|bath ?bombs?|photo ?bomb\w*|(?:kill|poison|get rid of|exterminate|murder)\w* (?:the |all |my |these |those |some |off )?(?:[\w-]+ )?(?:weeds?|ants|bugs|pests|mold|mould|bacteria|germs|flies|mice|rats|roaches|cockroaches|moss|lice|fleas|ticks|termites|wasps|slugs|aphids|mosquitoes|time|vibe|mood|battery|lights?|engine))\b/g;

export const withoutIdioms = (text: string) => text.replace(IDIOMS, ' ');
