/**
 * The frames around a harm word, read on normalised text (lower case, obfuscation undone). A harm word alone is a
 * mention; what makes it harmful is the frame: someone asks for it, announces it, wants it in detail or hidden.
 */

/** Addressed to the model: asking for means, methods or content (imperatives, how/which/what-way questions). */
export const REQUEST = new RegExp(
  [
    String.raw`(?:^|[,;:]\s*|\b(?:also|then|instead|now|please|separately|so|and|ok(?:ay)?|just|dan|hypothetically)\W+)(?:write|explain|tell|give|list|describe|show|generate|create|teach|provide|draft|compose|code|build|make|help|convince|roleplay|role-play|pretend|act|imagine|walk|detail|outline|continue)\b`,
    String.raw`\bhow (?:do|can|could|would|should|might|does|did) (?:i|we|you|one|someone|somebody|a person)\b`,
    String.raw`\b(?:how|where|what|which|when) to\b|\bhow (?:much|many)\b`,
    String.raw`\b(?:what(?:'s| is| are)?|which(?: is| are)?) (?:the )?(?:best|easiest|quickest|fastest|simplest|safest|surest|most|least|cheapest|hardest|right)\b`,
    String.raw`\b(?:what|which) (?:\w+ ){0,3}(?:can|could|should|would|do|must) (?:i|we)\b`,
    String.raw`\b(?:where|when) (?:can|could|should|do) (?:i|we)\b`,
    String.raw`\b(?:can|could|would|will) you\b`,
    String.raw`\bi (?:need|want) (?:you to|to know|instructions|the steps|a list)\b`,
    String.raw`\bis (?:it|that|this) (?:\w+ )?enough\b`,
    String.raw`\bwalk me through\b`,
    String.raw`\bi (?:need|want|would like|'d like) (?:a|an|the|some) (?:[\w-]+ ){0,2}(?:plan|guide|list|recipe|instructions|steps|method|way|script|code|tutorial|explanation|breakdown)\b`,
    String.raw`\b(?:explain|describe|detail|tell me|show me|teach me|list|outline) (?:\w+ ){0,3}(?:how|what|which|where|the (?:steps|ways|methods|process))\b`,
    String.raw`^(?:the )?(?:best|easiest|quickest|fastest|surest|cheapest|most \w+) (?:way|method|place|spot|time)s?\b`,
    String.raw`\b(?:ways?|methods?|tips|tricks|steps|instructions|a guide|tutorial) (?:to|for|on)\b`,
  ].join('|'),
);

/** The speaker announces or wants the act (a threat or a plan), in the first person. */
export const INTENT =
  /\b(?:i|we)(?:'m| am| are|'re)? (?:(?:really |just )?(?:going to|gonna|will|'ll|want to|wanted to|wanna|plan(?:ning)? to|intend to|need to|have to|about to|would like to|'d like to|'ve decided to|am ready to))\b|\bi want (?:a|an|some)\b|\blet's\b/;

/** Operational detail: steps, amounts, exact parts, the finished working thing. */
export const DETAIL =
  /\b(?:step[- ]by[- ]step|in (?:\w+ )?detail|exact(?:ly)?|specific|precise(?:ly)?|quantit(?:y|ies)|amounts?|doses?|measurements|temperatures?|ingredients|components|reagents|precursors|recipe|instructions|full list|walk me through|blueprints?|schematics?|files|settings|working|convincing|real-looking|persuasive|most effective)\b/;

/** A named target, a time, a place, or a decision already taken. */
export const CONCRETE =
  /\b(?:tonight|tomorrow|today|right now|this (?:morning|afternoon|evening|weekend|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|step[- ]by[- ]step|at (?:home|school|work|the hearing)|i know where you live|my (?:neighbou?rs?|wife|husband|boss|teacher|classmates?|co-?workers?|family|ex|roommate|girlfriend|boyfriend)|exact (?:amounts?|doses?|steps)|on \w+ (?:street|st|road|avenue|ave)|i've decided|i have decided|made up my mind|i'm \d+ ?kg)\b/;

/** Escaping accountability: not being caught, traced, detected or questioned. */
export const EVASION =
  /\b(?:without (?:(?:getting|being) caught|anyone (?:\w+ )?(?:noticing|knowing|finding|hearing)|(?:my|her|his|their) (?:parents|wife|husband|family|boss) (?:noticing|knowing|finding out)|leaving (?:a )?trace)|get(?:ting)? away(?: with it)?|untraceable|(?:can't|cannot|won't) be (?:traced|detected|found)|undetect(?:able|ed)|(?:hardest|impossible|hard) to (?:detect|trace)|so (?:nobody|no one) (?:hears|notices|finds|knows|sees)|hides? (?:it |them )?from (?:antivirus|the police|the cops|the regulator|regulators|the authorities|auditors|the irs|my parents)|hide (?:\w+ ){0,4}from (?:the )?(?:police|cops|regulators?|authorities|auditors?|irs|bank|parents)|(?:bank|police|cops|regulator|irs|customs|security) (?:doesn't|don't|won't|never) (?:ask|notice|find|know|suspect|detect)|(?:audits?|auditors?|police|cops|boss|anyone|bank|they|the (?:dogs|police|cops|agents|guards|customs|border patrol|scanners?)) (?:never|won't|don't|doesn't|can't|will never) (?:catch|notice|find|detect|see|smell|trace)|(?:tox(?:icology)? screens?|autopsy|tests?) (?:would|wouldn't|won't|can't|doesn't|would not) (?:catch|detect|show|find)|looks? like (?:natural causes|an accident|a suicide)|in an autopsy|evade (?:the )?(?:police|detection|customs|security)|(?:past|through) (?:airport )?(?:security|customs))\b/;

/** Jailbreak and fiction wrappers: they change the packaging, never the payload, so they lower nothing. */
export const WRAPPER =
  /\b(?:for (?:my|a|an) (?:\w+ )?(?:novel|story|book|screenplay|film|movie|game|script|thriller|paper|study|thesis|class)|write (?:a|the) (?:\w+ )?(?:story|scene|poem|script)|in the style of|role-?play|pretend (?:you're|you are|to be)|you are (?:now )?(?:dan|an ai|a \w+ with no)|act as|let's play a game|hypothetical(?:ly)?|suppose|supposing|imagine (?:that|you)|as an? (?:[\w-]+ )?(?:student|researcher|phd|doctor|nurse|chemist|professor|novelist|writer|journalist|professional|expert|officer)|(?:i'm|i am) an? (?:[\w-]+ )?(?:researcher|phd|chemist|novelist|writer|journalist|expert|student|nurse|doctor|scientist)|asking for a friend|for educational purposes|no (?:rules|restrictions|filters)|ignore (?:all |the |your )?(?:previous |prior )?(?:instructions|rules|study))\b/;

/** Someone else's words written down in a record (quoted or reported), not the writer's own. */
export const REPORTED =
  /\b(?:patient|pt|he|she|they|victim|suspect|subject|defendant|witness|caller|inmate|officer|appellant|complainant|the (?:subject|witness|defendant|suspect|caller|victim|inmate))\s+(?:\w+\s+)?(?:states?|stated|says|said|reports?|reported|told|tells|wrote|writes|posted|texted|messaged|shouted|yelled|threatened|asked|searched|admitted|endorses?|endorsed|describes?|described|kept saying)\b|^\s*(?:pt|patient|q|a|witness|suspect)\s*[:.]|(?:^|[\s:(])["'\u201c](?=\w)/;

/** A harm word right after a negation is its absence: "no evidence of self-harm", "denies intent to act". */
const NEGATION =
  /\b(?:no|not|never|denies|denied|deny|without|negative for|free of|nor|don't|do not|doesn't|didn't|won't|ruled out|rule out)\b(?:\W+\w+){0,3}\W*$/;

/** Someone else's claim, reported or rebutted: "the Nazis claimed Jews were vermin", "the myth that". */
const ATTRIBUTED =
  /\b(?:claim\w*|alleg\w*|argu\w*|believ\w*|insist\w*|propaganda|myth|stereotype|trope|portray\w*|depict\w*|said|says|say|called|calling|false|untrue|wrong|lie|idea|notion)\W+(?:that\W+)?(?:[\w'-]+\W+){0,2}$/;

export function attributedAt(text: string, index: number): boolean {
  return ATTRIBUTED.test(text.slice(Math.max(0, index - 40), index));
}

export function negatedAt(text: string, index: number): boolean {
  return NEGATION.test(text.slice(Math.max(0, index - 40), index));
}

/** Framing words only: a harm word ("wound", "trauma") must not count as its own clinical context. */
export const CLINICAL =
  /\b(?:patient|pt|history of|h\/o|radiolog\w*|ct|mri|x-?ray|ultrasound|exam(?:ination)?|findings?|impression|mm|cm|contrast|pneumothorax|status post|s\/p|indication|presented with|diagnos\w*)\b/;
export const LEGAL =
  /\b(?:exemption|foia|redact\w*|case (?:file|number)|investigat\w*|indict\w*|alleged(?:ly)?|defendant|charged with|convicted|court|statute|pursuant|(?:b)\(\d\))\b/;
/** Asking for the means or announcing the act turns a bare mention into endorsement. */
export const SEEKS_MEANS = /\b(?:how to|i will|i'm going to|step[- ]by[- ]step)\b/;
