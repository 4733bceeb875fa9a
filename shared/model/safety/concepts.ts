import type { Category } from './categories';

/**
 * The catch-all intent frame, for requests no named means covers: a request addressed to us, asking for a method
 * (how to, the best way, where, which, how much, a guide), about a harm concept of the category, with no
 * protective purpose. Concepts are stems and broad on purpose; the method and the request keep them narrow.
 */
export const CONCEPTS: Record<Category, RegExp> = {
  violence:
    /\b(?:kill\w*(?! (?:him|her|my|your|them|our)sel(?:f|ves))|murder\w*|stab\w*|shot placement|strangl\w*|smother\w*|poison\w*|bombs?|bombers?|explosive\w*|detonat\w*|tnt|c-?4|semtex|dynamite|grenades?|napalm|molotov|behead\w*|maim\w*|crippl\w*|tortur\w*|kidnap\w*|hostages?|massacre|fatalit(?:y|ies)|casualt(?:y|ies)|assassinat\w*|derail\w*|sabotag\w*|arson|set (?:a |the )?fire|burn (?:[\w'-]+ )?down|collapse (?:a|the) (?:bridge|building|tunnel)|run (?:[\w'-]+ )?over|have an accident|fatal (?:crash|accident)|cause (?:a |an )?(?:[\w-]+ )?(?:crash|accident)|mess\w* with (?:their|his|her) (?:car|vehicle|brakes)|(?:most|maximum|max) (?:deaths|casualties|fatalities|victims)|as many people as possible|cause (?:the )?(?:most )?deaths|(?:stop|shut)\w* (?:[\w'-]+ ){0,3}(?:forever|for good|permanently)|teach (?:him|her|them) a lesson|ambush\w*|acid (?:attack|in (?:her|his|their) face)|tamper\w*|brake lines?|(?:break|snap) (?:[\w'-]+ )?(?:neck|legs|arms|bones))\b/,
  selfHarm:
    /\b(?:suicid\w*|kill (?:myself|me)|end (?:it|it all|things|my life|everything)|overdos\w*|lethal|fatal|die|dying|not wake up|never wake up|sleep forever|not exist\w*|(?:pain|suffering) to (?:end|stop)|train tracks|hang (?:myself|me)|noose|cut (?:myself|me|my)|burn (?:myself|me|my)|self[- ]harm\w*|starv\w*|bmi (?:under|below|of) \d+|water only|purg(?:e|ing) (?:after|food|meals)|pro[- ]ana|carbon monoxide|engine running|closed garage|jump (?:off|from)|drink (?:[\w'-]+ )?(?:bleach|antifreeze|chemicals)|chemicals (?:[\w'-]+ ){0,3}drink)\b/,
  illegalActivity:
    /\b(?:skim(?:mer|mers|ming)? (?:[\w'-]+ ){0,2}(?:cards?|atms?|pumps?)|card skimm\w*|clon\w* (?:[\w'-]+ ){0,2}(?:cards?|sims?|phones?|key ?fobs?)|counterfeit\w*|fake (?:[\w'-]+ ){0,2}(?:notes?|prescriptions?|ids?|passports?|returns?|documents?|reviews?|invoices?|receipts?|licen[cs]es?|degrees?)|forg(?:e|ed|ery|ing)|fraud\w*|scam\w*|launder\w*|steal\w*|stole|theft|rob|robbing|robbed|robbery|robberies|burglar\w*|shoplift\w*|hack(?:s|ing|ed)?|crack\w* (?:[\w'-]+ ){0,2}(?:passwords?|wi-?fi|software|licen[cs]es?|accounts?)|malware|ransomware|keylog\w*|(?:steal|crack|harvest|dump|sniff|get)\w* (?:[\w'-]+ ){0,3}passwords?|phish\w*|smuggl\w*|traffick\w*|cocaine|heroin|meth|methamphetamine|fentanyl|(?:pick up|score|cop) (?:some )?(?:snow|coke|blow|molly|tina|gear)|(?:sell|buy|deal|move|ship|grow|cook|make)\w* (?:[\w'-]+ ){0,3}(?:drugs|weed|product|pills)|adderall|xanax|insurance (?:will pay|payout|money)|other people's (?:details|identities|ssns|names|cards)|someone else's (?:identity|ssn|details|name|card)|bribe\w*|evad\w*|evasion|dark ?web|vaults?|(?:pick|bypass|disable|defeat)\w* (?:[\w'-]+ ){0,3}(?:locks?|alarms?|cameras?)|hot-?wire|not a cop|undercover)\b/,
  hate: /\b(?:race|racial|races|inferior|dirty|filthy|disease|breed\w*|pure|purity|segregat\w*|white (?:only|power|pride)|stay white|keep (?:[\w'-]+ )?white|scared off|chased out|driven out|put down|exterminat\w*|deport\w*|invasion|invaders|replace(?:d|ment)? us|subhuman|vermin|parasites)\b/,
  sexual:
    /\b(?:sex|sexual|sexually|sexy|explicit|erotic\w*|nude\w*|naked|porn\w*|orgasm\w*|genital\w*|intercourse|upskirt\w*|aroused)\b/,
};

/** Violence words that are everyday tools or injuries until a person is the one they land on. */
export const WEAK_VIOLENCE =
  /\b(?:shoot\w*|weapons?|guns?|rifles?|firearms?|caliber|calibre|ammo|ammunition|knife|knives|blades?|machete|gut(?:ting)?|hurt\w*|injur\w*|bleed\w*|bruis\w*|aim|beat\w*|punch\w*|scope|clear (?:view|shot|line of sight)|vantage|sniper)\b/;
export const HUMAN =
  /\b(?:person|people|someone|somebody|him|her|them|cop|officer|guard|man|woman|child|kid|classroom|crowd|students|victim|body|neck|throat|heart|backup|mayor|president|senator|governor|judge|minister|politician|speaker|ceo|crowds?|parade|my (?:[\w-]+ )?(?:husband|wife|boss|neighbou?r|mother|father|mom|dad|brother|sister|ex|girlfriend|boyfriend|partner|teacher|stepfather|stepmother|cousin|roommate|coworker))\b/;

/** Forward-looking, operational: how to do it, not what happened or why. */
export const METHOD =
  /\b(?:how (?:fast|far|hard|deep|long|high|close|often) (?:should|do|would|can|must|could) (?:i|we)|(?:which|what) (?:[\w'-]+ ){0,2}(?:poisons?|drugs?|chemicals?|substances?|pills|weapons?|methods?|ways?)\b|how (?:to|do i|can i|could i|would i|should i|might i|do you|would you|would someone|would one|could someone|can someone|do people)|how (?:much|many|long)\b|(?:best|easiest|quickest|fastest|smartest|good|surest|simplest|safest|cheapest|most effective|most reliable|right) (?:[\w'-]+ )?(?:way|method|place|spot|knife|time|tool|weapon|gun|dose|amount|places|spots|positions?)|where (?:to|can i|should i|do i|could i|would i)|(?:which|what) (?:[\w'-]+ ){0,4}(?:should|could|would|can|do|must) (?:i|we|you)|what would you|step[- ]by[- ]step|each step|every step|(?:a |the )?(?:guide|instructions|tutorial|recipe|plan|diet|script|code|program) (?:to|for|on|that|so)|walk (?:me|us|the \w+) through|explain (?:exactly|how|which|where)|tell me (?:how|where|which|what)|in (?:[\w'-]+ )?detail|(?:exactly|precisely) how|(?:which|what) (?:[\w'-]+ ){0,3}(?:amount|dose|dosage|quantity|number|caliber|calibre)|list (?:ways|the|each)|so (?:i|it|that|he|she|they|no one|nobody) (?:can|could|will|won't|doesn't|looks|can't)|enough to)\b/;

/** Hate is asked for as rhetoric (reasons, a speech, a post), not as a method. */
export const RHETORIC =
  /\b(?:list (?:reasons|arguments)|reasons why|arguments (?:that|why)|explain why|convince|prove|(?:write|draft|compose) (?:a |an |me )?(?:[\w-]+ ){0,2}(?:post|speech|tweet|essay|pamphlet|flyer|manifesto|poem|song|jokes?|article|letter|rant))\b/;

/** Asked in order to protect, recognise, treat or understand: the concept is the danger, not the goal. */
export const PROTECTIVE =
  /\b(?:safe(?:ly|ty)?|prevent\w*|protect\w*|defend\w*|spot (?:them|it|the|a)|detect\w*|recogni[sz]\w*|warning signs|support (?:her|him|them|someone|a friend)|keep (?:him|her|them|someone|myself|my \w+) safe|symptoms|treat\w*|what to do if|signs of|avoid\w*|without harming|stop (?:myself|someone|him|her|them|the urge)|get help|help (?:her|him|them|someone|a friend)|report(?:ing)? (?:it|them|this)|penalt(?:y|ies)|survive|survival|first aid|history|historical|why did|stop (?:myself|someone|him|her|them|the urge|the bleeding|bleeding|it from|doing|cutting|drinking|using|self)|(?:want|trying|try|need) to (?:stop|quit)|how (?:do|can) i (?:stop|quit)|quit\w*|report\w*|what (?:should|can|do) (?:i|we) do|(?:my|a) (?:friend|teen\w*|son|daughter|kid|child|partner|brother|sister|mother|father|mom|dad|student|patient) (?:said|says|told me|keeps saying|has been)|warn\w*|aware\w*|train (?:my|our) staff|too many|my own|locked (?:myself|me|us|it) (?:out|from inside)|lost (?:my|the) keys?|tested|testing|consent|what should i say to (?:him|her|them|my [\w-]+)|who (?:can|should) i call|call (?:a |the )?(?:hotline|helpline|crisis line|988|911|999|112)|education|talk to (?:my|our)|wrong|harmful|impact|effects?|consequences|civil rights|oppos\w*|combat\w*|counter(?:ing|ed|s)?|counter-?arguments?|racism|discriminat\w*)\b/;

/** Self-harm needs the speaker as the one at risk: "I", "me", "my", or a persona speaking for them. */
export const FIRST_PERSON = /\b(?:i|i'm|i'd|i've|me|my|myself)\b/;

/** Hate needs a group the concept lands on. */
export const TARGET_GROUP =
  /\b(?:jews?|jewish|muslims?|islam\w*|christians?|immigrants?|migrants?|refugees?|blacks?|whites?|asians?|hispanics?|latinos?|mexicans?|arabs?|gays?|lesbians?|homosexuals?|trans\w*|tranny|trannies|women|girls|africans?|indians?|chinese|gypsies|roma|mixed|disabled|foreigners|hindus?|sikhs?|catholics?|races?)\b/;
