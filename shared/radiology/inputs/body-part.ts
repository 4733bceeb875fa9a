/** Body regions a procedure's name carries (RadLex/LOINC playbook region words), longest first so "cervical spine" wins over "spine". */
const REGIONS = [
  'cervical spine',
  'thoracic spine',
  'lumbar spine',
  'abdomen',
  'pelvis',
  'chest',
  'thorax',
  'head',
  'brain',
  'skull',
  'face',
  'sinuses',
  'orbits',
  'neck',
  'spine',
  'heart',
  'lungs',
  'liver',
  'kidneys',
  'breast',
  'shoulder',
  'elbow',
  'wrist',
  'hand',
  'hip',
  'knee',
  'ankle',
  'foot',
  'extremity',
];

const ALIASES: Record<string, string> = { thorax: 'chest', lung: 'lungs', kidney: 'kidneys', breasts: 'breast' };

/** The body regions named in `text` ("CT CHEST ABDOMEN PELVIS W CONTRAST" → "Chest, abdomen and pelvis"), or ''. */
export function bodyPartOf(text: string): string {
  const found: string[] = [];
  let rest = ` ${text.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  for (const word of [...REGIONS, ...Object.keys(ALIASES)]) {
    const at = rest.indexOf(` ${word} `);
    if (at < 0) continue;
    const region = ALIASES[word] ?? word;
    if (!found.includes(region)) found.push(region);
    rest = `${rest.slice(0, at)} ${rest.slice(at + word.length + 1)}`;
  }
  if (found.length === 0) return '';
  const order = (r: string) => text.toLowerCase().indexOf(r === 'chest' && !/chest/i.test(text) ? 'thorax' : r);
  found.sort((a, b) => order(a) - order(b));
  const last = found.pop()!;
  const named = found.length ? `${found.join(', ')} and ${last}` : last;
  return named.charAt(0).toUpperCase() + named.slice(1);
}
