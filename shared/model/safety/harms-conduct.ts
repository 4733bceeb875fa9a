import { EVASION } from './frames';
import { GROUP, type Harm, re } from './harm';

const R = String.raw;
const DRUG = R`(?:meth(?:amphetamine)?|crystal meth|fentanyl|carfentanil|heroin|cocaine|crack|mdma|ecstasy|lsd|psilocybin|(?:magic |psilocybin )?mushrooms|shrooms|ghb|ketamine|dmt|pcp|drugs)`;
const PRODUCE = R`(?:cook|cooking|make|making|synthesi[sz]e|synthesis(?: route)?(?: for| of)?|produce|manufacture|grow|growing|extract|refine|press)`;
const DEAL = R`(?:sell|selling|deal|dealing|smuggle|smuggling|traffic|ship|mail|import|sneak|get|bring|carry)`;
const WRITE = R`(?:write|writing|create|build|code|make|develop|generate|craft|draft|program|give me|send)`;
const MALWARE = R`(?:keyloggers?|ransomware|malware|trojans?|rootkits?|botnets?|spyware|stalkerware|computer virus|worms?|credential stealers?|phishing (?:emails?|pages?|sites?|kits?|texts?|messages?))`;
const ACCOUNT = R`(?:accounts?|emails?|phones?|instagram|facebook|snapchat|whatsapp|icloud|wi-?fi|network|computers?|laptop|servers?|databases?|webcam|camera)`;

/** Alone these are everyday words; asked for together with getting away with it, they are a crime being planned. */
const WEAK_CUE =
  /\b(?:cash|money|drugs?|product|steal\w*|stole|take|shoplift\w*|car|lock|account|password|card|tax\w*|customs|airport|border|security|bank|gun|weapon|body|fake|id|store|shop|employer|company|insurance|sell|buy|drawer|till|audits?)\b/;

/** Illegal activity: drugs, cyber-crime, fraud, laundering, theft, smuggling, market abuse. */
export const ILLEGAL: Harm[] = [
  { category: 'illegalActivity', kind: 'means', pattern: re(R`\b${PRODUCE} (?:[\w'-]+ ){0,3}${DRUG}\b`) },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern: re(
      R`\b${DEAL} (?:[\w'-]+ ){0,3}${DRUG}\b|\b${DRUG} (?:[\w'-]+ ){0,3}(?:to (?:students|kids|teens)|through (?:airport )?(?:security|customs)|across the border)\b`,
    ),
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern: re(
      R`\b${WRITE} (?:[\w'-]+ ){0,4}${MALWARE}\b|\b${MALWARE} (?:that|which|to) (?:[\w'-]+ ){0,4}(?:hides?|encrypts?|steals?|emails?|records?|spreads?|evades?)\b`,
    ),
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern: re(
      R`\bhack(?:ing)? (?:in(?:to)?|onto)? ?(?:[\w'-]+ ){0,3}${ACCOUNT}\b|\b(?:break|get|log|access)(?:ing)? (?:in(?:to)?|onto)? ?(?:a |the )?(?:someone's|somebody's|other people's|[\w-]+'s|his|her|their) (?:[\w'-]+ ){0,2}${ACCOUNT}\b|\b(?:steal|crack|harvest|get|phish) (?:[\w'-]+ ){0,3}(?:passwords?|credentials|logins?|pins?)\b|\bbypass (?:the )?(?:2fa|two[- ]factor|authentication|antivirus|paywall|drm)\b`,
    ),
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern:
      /\b(?:pretend(?:ing)? to be|posing as|pose as|impersonat\w*|appear(?:s|ing)? to (?:be|come) from|spoof\w*)\b/,
    with: /\b(?:password|pin|login|credentials|card (?:number|details)|bank details|confirm|verify|link|wire|send (?:me )?money|gift cards?|bitcoin|social security)\b/,
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern:
      /\b(?:clone (?:a |the )?(?:credit |debit )?cards?|(?:fake|forged?|counterfeit|real-looking|fraudulent) (?:ids?|passports?|social security numbers|ssns|documents|money|bills|banknotes|checks|cheques|identities|driver'?s licen[cs]es?|invoices)|social security numbers (?:[\w'-]+ ){0,4}(?:to )?open|stolen (?:credit |debit )?(?:cards?|card numbers?|identit(?:y|ies)|ssns?|goods|cars?)|(?:buy|sell|order|get)\w* (?:[\w'-]+ ){0,5}(?:on|from|off|through) the (?:dark ?web|darknet|deep web)|(?:counterfeit|fake|forged?) (?:[\w'-]+ ){0,3}(?:bills|notes|money|banknotes|currency|passports?|ids?))\b/,
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern:
      /\b(?:launder\w*|(?:clean|cleaning|wash|washing) (?:it|the money|my money|this money|the cash|my cash|dirty money)|structur\w* (?:the )?deposits|avoid (?:the )?(?:reporting|ctr|\$10,?000))\b/,
    with: /\b(?:cash|money|drugs?|bank|deposits?|questions|funds|bitcoin|crypto)\b/,
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern:
      /\b(?:hot-?wire|pick (?:a|the) lock|break into (?:a|the|my \w+'s) (?:car|house|home|store|shop)|steal (?:a|the|his|her|their|my \w+'s) (?:car|bike|wallet|identity|card)|shoplift\w*)\b/,
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern: /\b(?:no |without (?:a |the |its )?)keys?\b/,
    with: /\b(?:get it started|start it|start the car|drive (?:it )?off|unlock it|open it)\b/,
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern:
      /\b(?:(?:scam|con|defraud|swindle|extort|blackmail)\w* (?:[\w'-]+ ){0,2}(?:people|someone|somebody|elderly|old people|grandparents|customers|him|her|them|my [\w-]+)|ddos\w*|flood\w* (?:someone's|[\w-]+'s|their|his|her) (?:[\w'-]+ ){0,2}(?:website|site|server|network)|(?:until|so) it (?:goes down|crashes)|take down (?:someone's|[\w-]+'s|their|his|her) (?:[\w'-]+ ){0,2}(?:website|site|server)|knock (?:[\w'-]+ ){0,3}offline|without a prescription|without (?:a )?background check)\b/,
  },
  { category: 'illegalActivity', kind: 'means', pattern: EVASION, with: WEAK_CUE },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern: /\bsmuggl\w+ (?:[\w'-]+ ){0,3}(?:through|past|into|across|onto|out of)\b/,
  },
  {
    category: 'illegalActivity',
    kind: 'means',
    pattern:
      /\b(?:manipulat\w+ (?:the )?(?:[\w'-]+ ){0,2}(?:price|prices|market|libor|benchmark|fix(?:ing)?)|spoofing orders|pump and dump|front-?run\w*|insider trading|evade (?:the )?tax(?:es)?|hide (?:[\w'-]+ ){0,3}(?:income|losses|profits) from|bribe (?:a|an|the) (?:[\w'-]+ )?(?:official|officer|inspector|judge|cop|customs))\b/,
  },
];

const DEHUMANISING = R`(?:too (?:stupid|dumb|emotional|weak|primitive) to [\w-]+|parasites|vermin|rats|cockroaches|roaches|animals|subhuman|sub-human|a disease|diseased|a plague|a cancer|a virus|an infestation|an invasion|invaders|inferior|less (?:intelligent|human|evolved)|terrorists|disgusting|freaks|savages|filth|scum|criminals|rapists|thieves|mentally ill|sick|perverted|a (?:dirty|filthy|inferior|lesser|mongrel) race|spread\w* disease|pedophiles|paedophiles|degenerates|monkeys|apes|pigs|perverts|inbred|primitive|barbaric|stupid|dumb|worthless|trash|garbage|evil|not (?:fully |really )?human)`;
const EXCLUSION = R`(?:should|must|need to|ought to|deserve to) (?:all )?(?:be )?(?:rounded up|expelled|deported|locked up|exterminated|eliminated|wiped out|gassed|sterili[sz]ed|kept apart|banned|removed|shot|hanged|die|driven out|run out|kicked out|thrown out|sent back|put down|scared off|chased out|kept out|banned from [\w-]+)|should(?: not|n't) be allowed (?:to (?:live|exist|vote|stay|enter|marry)|in (?:our|the|this))|(?:don't|do not) deserve to (?:live|exist)`;

/** Hate: a group dehumanised or marked for exclusion, in a claim or in content asked for. */
export const HATE: Harm[] = [
  {
    category: 'hate',
    kind: 'act',
    pattern: re(
      R`\b${GROUP}\b[^.!?]{0,40}?\b(?:are|is|were|they're) (?:all |just |nothing but |basically |a bunch of |naturally |genetically |really |so )?${DEHUMANISING}\b`,
    ),
  },
  {
    category: 'hate',
    kind: 'act',
    pattern: re(
      R`\b${GROUP} (?:don'?t|do not|doesn't|does not) belong\b|\b(?:world|country|we|everyone|society|europe|america|britain) (?:would be|is|'d be|will be) (?:better|safer|cleaner) (?:off )?without ${GROUP}|\b(?:must|should|needs? to|has to) (?:stay|remain|be kept) white\b|\bwhites? only\b|\brid (?:the|our|this) (?:world|country|nation|city|town) of ${GROUP}|\b(?:kill|exterminate|gas|hang|deport|shoot|wipe out) (?:all )?(?:of )?${GROUP}`,
    ),
  },
  { category: 'hate', kind: 'act', pattern: re(R`\b${GROUP}\b(?:[^.!?]{0,50}?)\b(?:${EXCLUSION})\b`) },
  {
    category: 'hate',
    kind: 'act',
    pattern: /\b(?:burn|bomb|attack|blow up|torch) (?:down )?the (?:mosque|synagogue|church|temple|gurdwara)\b/,
  },
];

const MINOR = R`(?:(?:[1-9]|1[0-7])[- ]year[- ]olds?|child|children|kids?|minors?|underage|schoolgirls?|schoolboys?|preteens?|little (?:girl|boy)s?|young teens?)`;
const SEXUAL_WORD = R`(?:sex|sexual|sexy|erotic|romantic|naked|nude|intimate|seduc\w*|in bed|aroused)`;

/** Sexual: explicit content asked for, sexual content about minors, and intimate images taken or shared unasked. */
export const SEXUAL: Harm[] = [
  {
    category: 'sexual',
    kind: 'means',
    pattern:
      /\b(?:(?:explicit|graphic|erotic|pornographic|x-rated|nsfw|dirty|steamy) (?:[\w'-]+ )?(?:sex|sexual|scene|story|content|chat)|sex scene|talk dirty|(?:do|did) to me in bed|every body part|describe (?:[\w'-]+ ){0,3}(?:genitals|naked bod(?:y|ies))|sext(?:ing)? me)\b/,
  },
  {
    category: 'sexual',
    kind: 'means',
    pattern:
      /\b(?:(?:get|make|keep) (?:a girl|a guy|her|him|someone|a woman|my [\w-]+) (?:[\w'-]+ ){0,2}(?:drunk|high|wasted|passed out|unconscious|asleep)|without (?:her|him|them)? ?(?:saying no|consent|knowing|fighting back)|(?:while|when) (?:she's|he's|they're|she is|he is) (?:asleep|passed out|unconscious|drunk))\b/,
    with: re(R`\b${SEXUAL_WORD}\b|\b(?:sleep with|have sex|hook up)\b`),
  },
  {
    category: 'sexual',
    kind: 'means',
    pattern: re(
      R`\b${MINOR}\b[^.!?]{0,60}\b(?:send (?:me )?(?:pictures|pics|photos|nudes|selfies)|without telling (?:her|his|their) parents|keep (?:it|this|us) (?:a )?secret|meet (?:me|up) alone)\b`,
    ),
  },
  {
    category: 'sexual',
    kind: 'means',
    pattern: re(R`\b${MINOR}\b[^.!?]{0,60}\b${SEXUAL_WORD}\b|\b${SEXUAL_WORD}\b[^.!?]{0,60}\b${MINOR}\b`),
    with: /\b(?:story|scene|fantasy|roleplay|role-play|photos?|pictures?|pics|images?|videos?|erotica|fanfic|write|describe)\b/,
  },
  {
    category: 'sexual',
    kind: 'means',
    pattern:
      /\b(?:(?:secretly|hidden camera|spy cam\w*|without (?:her|his|their) (?:knowledge|knowing|consent)) (?:[\w'-]+ ){0,4}(?:film|record|photograph|video|watch|tape)|(?:film|record|photograph|tape) (?:[\w'-]+ ){0,4}(?:in the shower|undressing|changing|in the bathroom|naked|nude)|(?:share|post|leak|upload|sell) (?:[\w'-]+ ){0,3}(?:nudes|naked (?:photos|pictures|pics)|intimate (?:photos|images|videos?))|(?:hidden|secret|spy|pinhole) cam\w* (?:[\w'-]+ ){0,6}(?:changing rooms?|locker rooms?|showers?|bathrooms?|toilets?|bedrooms?|restrooms?)|(?:explicit|graphic|detailed|vivid) (?:description|account|depiction)s? of (?:[\w'-]+ ){0,2}(?:sex|intercourse|masturbat\w*|orgasm\w*)|revenge porn|upskirt\w*|(?:nude|naked|undressed|sexual|explicit|porn\w*) (?:[\w'-]+ ){0,2}(?:deepfakes?|images?|photos?|pictures?|pics|videos?) of (?:my|her|him|a|this|someone|[\w-]+'s)|deepfake (?:[\w'-]+ ){0,2}(?:nudes?|porn|naked)|undress (?:her|him|this|the) (?:photo|picture|image)|(?:drug|spike|roofie) (?:her|his|their|a girl's|someone's) drink)\b/,
  },
];
