import { type Harm, PERSON, re } from './harm';

const R = String.raw;
const MAKE = R`(?:make|makes|making|made|build\w*|built|assembl\w*|construct\w*|creat\w*|produc\w*|print\w*|cook\w*|mix\w*|combin\w*|synthesi[sz]\w*|manufactur\w*|finish\w*|brew\w*|extract\w*|rig|rigging|put together|get|buy|obtain|acquire|convert\w*|modify\w*)`;
const WEAPON = R`(?:(?:pipe |pressure[- ]cooker |nail |car |letter |fertili[sz]er |dirty |homemade )?bombs?|weapons?|guns?|firearms?|flamethrowers?|incendiary devices?|booby traps?|landmines?|tripwires?|untraceable poisons?|undetectable poisons?|poisons?|novichok|tabun|botulinum|fully automatic|full[- ]auto|auto sear|bump stock|explosives?|explosive devices?|ieds?|detonators?|napalm|thermite|molotovs?|molotov cocktails?|grenades?|silencers?|suppressors?|ghost guns?|untraceable (?:guns?|firearms?|weapons?)|guns? that (?:can't|cannot|won't) be traced|zip guns?|poison(?:ous)? gas|toxic gas|nerve agents?|sarin|ricin|vx|mustard gas|chlorine gas|anthrax|cyanide|bioweapons?|chemical weapons?)`;
const ACT = R`(?:kill|murder|poison|stab|shoot|strangle|choke|suffocate|drown|beat up|hurt|harm|maim|torture|kidnap|abduct|run over|mow down|blow up|behead|set fire to|attack|assault|cripple|paralyse|paralyze|disfigure|take out|get rid of|unalive|silence|break (?:[\w'-]+ )?(?:legs|arms|neck))`;

/** Violence: weapons, ways to kill or injure someone, threats. */
export const VIOLENCE: Harm[] = [
  { category: 'violence', kind: 'means', pattern: re(R`\b${MAKE} (?:[\w'-]+ ){0,3}${WEAPON}\b`) },
  {
    category: 'violence',
    kind: 'means',
    pattern: re(
      R`\b${WEAPON} (?:[\w'-]+ ){0,2}(?:recipe|instructions|components|ingredients|materials|plans|blueprints?|files)\b`,
    ),
  },
  {
    category: 'violence',
    kind: 'means',
    pattern: re(
      R`\b(?:recipe|instructions|blueprints?|plans|guide|tutorial|schematics?|formula) (?:for|to make|to build|on making|on building) (?:[\w'-]+ ){0,3}${WEAPON}\b`,
    ),
  },
  {
    category: 'violence',
    kind: 'means',
    pattern:
      /\b(?:plan\w*|carry out|commit|pull off|stage) (?:a |an |the )?(?:[\w'-]+ )?(?:attack|shooting|massacre|bombing|stabbing|assassination|ambush|hit)\b|\bswat(?:ting)? (?:someone|him|her|them)\b/,
  },
  {
    category: 'violence',
    kind: 'means',
    pattern:
      /\b(?:(?:plan|plot|scheme)s? (?:for|to) (?:[\w'-]+ )?(?:attack\w*|bomb\w*|shoot\w*|blow\w* up|kill\w*|massacre)|(?:attack\w*|bomb\w*|shoot\w* up|blow\w* up|target\w*|drive (?:a |my )?(?:car|truck|van) into) (?:a |the )?(?:crowded |packed |busy |local )?(?:subway|station|stadium|concert|school|mall|crowd|festival|parade|airport|train|bus|market|rally|hospital|protest|march)|so (?:he|she|they|it|someone|the [\w-]+) (?:dies|die|bleeds? out|never wakes? up|stops? breathing|can't breathe)|(?:knife|blade|bullet)\b[^.?!]{0,40}\b(?:neck|throat|heart|artery|temple|kidney))\b/,
  },
  {
    category: 'violence',
    kind: 'means',
    pattern: /\b(?:wait for|ambush|catch|corner|follow|find|get|meet) (?:him|her|them|my [\w-]+)(?: alone)?\b/,
    with: /\b(?:rifle|gun|shotgun|pistol|handgun|knife|machete|bat|crossbow|weapon)\b/,
  },
  {
    category: 'violence',
    kind: 'means',
    pattern:
      /\bmake sure (?:he|she|they|it) never (?:[\w'-]+ ){0,3}(?:again|court|testif\w*|talks?|shows? up|wakes? up|comes? back|bothers?)\b/,
  },
  {
    category: 'violence',
    kind: 'means',
    pattern:
      /\b(?:untraceable (?:guns?|firearms?|weapons?)|(?:guns?|rifles?|pistols?|handguns?|firearms?|weapons?) that (?:can't|cannot|won't) be traced|remov\w* (?:the )?serial numbers?|ghost guns?|3d[- ]print(?:ed|ing)? (?:a )?(?:guns?|firearms?))\b/,
  },
  {
    category: 'violence',
    kind: 'means',
    pattern: re(R`\b(?:ways?|methods?|how|where|spot|place) (?:[\w'-]+ ){0,4}to ${ACT} ${PERSON}\b`),
  },
  { category: 'violence', kind: 'means', pattern: re(R`\b${ACT} ${PERSON}\b`) },
  {
    category: 'violence',
    kind: 'means',
    pattern:
      /\b(?:maximi[sz]e (?:the )?(?:casualties|deaths|damage|victims)|mass[- ]casualt(?:y|ies)|bleed (?:out|to death)|make (?:someone|somebody|him|her|them|people) disappear|(?:get rid of|dispose of|hide) (?:a|the) (?:dead )?body|finding the body|(?:take care of|deal with|silence) (?:him|her|them|a witness|the witness|my \w+) (?:for good|permanently|quietly)|(?:six feet under|put (?:him|her|them) in the ground)|(?:acid|bleach) (?:in|on|at) (?:her|his|their|someone's) face|without leaving (?:marks|bruises|evidence)|(?:slowly )?poison (?:my|their|his|her|a) \w+|(?:hardest|impossible|hard) to detect in an autopsy)\b/,
  },
  {
    category: 'violence',
    kind: 'means',
    pattern:
      /\b(?:put|slip|mix|lace|add|hide)\b(?: \w+){0,4} (?:in|into) (?:[\w'-]+ ){0,4}(?:food|drink|meat|coffee|tea|water|bowl|meal|dinner|wine|beer|treat)s?\b/,
    with: /\b(?:never \w+(?: \w+)? again|for good|permanently|kill\w*|poison\w*|die|dead|stop (?:[\w'-]+ )?breathing|not wake up)\b/,
  },
  {
    category: 'violence',
    kind: 'act',
    pattern: re(
      R`\b(?:i|we)(?:'m| am| are|'re)? (?:(?:going to|gonna|will|'ll|want to|plan(?:ning)? to|need to|have to|about to) )(?:[\w'-]+ ){0,8}?(?:${ACT} ${PERSON}|blow (?:your|his|her|their) (?:[\w'-]+ )?(?:head|brains) off|burn (?:[\w'-]+ )?down|shoot up|find your (?:[\w'-]+ )?(?:kids|children|family|wife|husband|daughter|son|mother)|hunt (?:you|him|her|them) down|make (?:you|them|him|her) (?:pay|suffer|bleed)|come for (?:you|your))\b`,
    ),
  },
  { category: 'violence', kind: 'act', pattern: /\bblow (?:your|his|her|their) (?:[\w'-]+ )?(?:head|brains) off\b/ },
  {
    category: 'violence',
    kind: 'act',
    pattern: /\b(?:burn|blow up|shoot up|bomb) (?:down )?the (?:mosque|synagogue|church|temple|school|clinic|office)\b/,
  },
];

const ENDING = R`(?:die|dying|make it (?:all )?stop(?: for good)?|end (?:it|everything)|not be here|stop existing|disappear (?:forever|for good)|go to sleep forever|kill myself|unalive myself|end (?:it|it all|my life|things)|commit suicide|not wake up|never wake up|stop my heart|not exist(?: anymore)?|be fatal|be lethal|overdose|od|bleed out|self[- ]harm|cut myself|hurt myself|starve myself|hang myself)`;

/** Self-harm: ways to die or hurt oneself, hiding it, starving, and a wish to die said in the first person. */
export const SELF_HARM: Harm[] = [
  {
    category: 'selfHarm',
    kind: 'means',
    pattern: re(
      R`\b(?:painless|quick|quickest|easy|easiest|best|surest|fastest|sure|certain) (?:[\w'-]+ )?(?:way|method)s? to ${ENDING}\b`,
    ),
  },
  {
    category: 'selfHarm',
    kind: 'means',
    pattern: re(
      R`\bhow (?:much|many)\b.{0,60}\b(?:to|would|will|do|should) (?:i )?(?:need to )?(?:take )?(?:[\w'-]+ ){0,2}(?:to )?${ENDING}\b`,
    ),
  },
  {
    category: 'selfHarm',
    kind: 'means',
    pattern:
      /\b(?:lethal (?:dose|amount|quantity|combination)s?|fatal (?:dose|amount)s?|highest lethality|(?:most|more|least) lethal|lethal enough|(?:to|enough to) overdose|(?:pill|drug|med(?:ication)?) combinations? (?:that )?(?:would|will|to) (?:stop|kill)|stop (?:my|the|her|his) heart|cut (?:[\w'-]+ )?deep(?:er)? enough|(?:slit|cut) (?:my |your |her |his )?wrists|can't be stitched|hang(?:s|ing)? (?:myself|yourself)|how (?:to |(?:he|she|they|the [\w-]+) )?(?:[\w'-]+ ){0,2}(?:hangs?|kills?|cuts?|poisons?|overdoses?|shoots?) (?:himself|herself|themselves)|(?:which|what) (?:vein|artery)|(?:cut|slice|slit|open) (?:[\w'-]+ ){0,3}(?:veins?|arter(?:y|ies)|wrists?)|bleeds? (?:the )?most|(?:hurt|harm|cut|burn|starve) (?:myself|yourself)|tie a noose|(?:jump|jumping) (?:off|from) (?:a|the) (?:bridge|building|roof))\b/,
  },
  {
    category: 'selfHarm',
    kind: 'means',
    pattern:
      /\b(?:hide (?:my |the |her |his )?(?:scars|cuts|eating disorder|self[- ]harm|burns)|self[- ]harm (?:without|secretly)|(?:weight|myself) down (?:[\w'-]+ ){0,6}(?:not eating|starving|fasting)|stop eating (?:completely|entirely|for good)|pro[- ]ana|thinspo\w*|purge without|make myself (?:throw up|vomit|sick)|(?:eat|eating) (?:less than|under|only) \d+ calories|(?:cut|burn|hurt|harm|starve) (?:myself )?(?:[\w'-]+ )?without (?:anyone|my \w+|people) (?:noticing|knowing|seeing|finding out))\b/,
  },
  {
    category: 'selfHarm',
    kind: 'means',
    pattern: /\b(?:high|tall) enough\b/,
    with: /\b(?:bridge|building|roof|cliff|balcony|jump|fall)\b/,
  },
  {
    category: 'selfHarm',
    kind: 'means',
    pattern: /\b(?:bridge|train tracks|the tracks|rooftop|overpass|cliff)\b/,
    with: /\b(?:(?:pain|suffering|it all|everything) to (?:end|stop)|end it|die|not be here|jump)\b/,
  },
  {
    category: 'selfHarm',
    kind: 'means',
    pattern: /\b(?:rope|noose|ligature|belt|cord)\b/,
    with: /\b(?:goodbye|farewell|letters? to (?:my|everyone)|suicide|hang\w*|beam|neck|my weight|kick the chair)\b/,
  },
  {
    category: 'selfHarm',
    kind: 'means',
    pattern: /\b(?:pills|tablets|bottle)\b/,
    with: re(R`\b(?:to |would |will )?(?:not wake up|never wake up|die|stop my heart|kill me|end it)\b`),
  },
  {
    category: 'selfHarm',
    kind: 'act',
    pattern:
      /\b(?:kill myself|end my (?:own )?life|end it all|take my (?:own )?life|(?:i|i'm|i am) (?:[\w'-]+ )?(?:want|wanna|going|ready) (?:to )?die|better off dead|(?:don't|do not) want to (?:live|be alive|wake up)|(?:sleep|go to sleep) and never wake up|(?:i'm|i am) done with (?:everything|life|it all)|no reason to live|(?:my )?suicide note|unalive myself|(?:can't|cannot) go on (?:anymore|any longer|like this)|tonight is my last|(?:my |the )?goodbye (?:letters?|notes?)|don't see the point (?:in|of) (?:living|life|going on)|want to disappear forever|everyone would be better off without me|(?:i|i'm|i am) (?:going|ready|planning) to (?:do it|end it))\b/,
  },
];
