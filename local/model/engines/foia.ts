import type { Category } from '../../../shared/foia/types';
import type { DomainEngine } from './types';

interface Cue {
  category: Category;
  exemption: string;
  pattern: RegExp;
  confidence: number;
  rationale: string;
}

/** Cue phrases by exemption, applied sentence by sentence. */
const CUES: Cue[] = [
  {
    category: 'DELIBERATIVE',
    exemption: '(b)(5)',
    pattern:
      /\b(we recommend|i recommend|in my (?:view|opinion)|i believe we should|pre-decisional|options under consideration|should consider|draft position|proposed approach|my assessment is)\b/i,
    confidence: 0.8,
    rationale: 'pre-decisional, deliberative opinion of agency staff',
  },
  {
    category: 'LAW_ENFORCEMENT',
    exemption: '(b)(7)(E)',
    pattern:
      /\b(surveillance technique|undercover|wiretap|pole camera|gps tracker|investigative technique|tracking device|controlled buy|search warrant affidavit)\b/i,
    confidence: 0.8,
    rationale: 'law-enforcement technique or procedure not known to the public',
  },
  {
    category: 'LAW_ENFORCEMENT',
    exemption: '(b)(7)(D)',
    pattern: /\b(confidential informant|confidential source|cooperating witness)\b/i,
    confidence: 0.85,
    rationale: 'identifies or describes a confidential source',
  },
  {
    category: 'COMMERCIAL',
    exemption: '(b)(4)',
    pattern:
      /\b(proprietary|trade secret|unit (?:cost|price)|profit margin|pricing (?:model|schedule)|confidential commercial|bid price)\b/i,
    confidence: 0.8,
    rationale: 'confidential commercial or financial information from a submitter',
  },
  {
    category: 'MEDICAL',
    exemption: '(b)(6)',
    pattern:
      /\b(diagnosed with|diagnosis of|treated for|treatment for|medical condition|prescribed|hospitali[sz]ed|psychiatric|hiv|chemotherapy)\b/i,
    confidence: 0.85,
    rationale: 'medical information about an individual',
  },
  {
    category: 'CLASSIFIED',
    exemption: '(b)(1)',
    pattern:
      /\b(satellite imagery|intercepted communications|covert (?:operation|asset)|clandestine|intelligence source|sigint|humint)\b/i,
    confidence: 0.75,
    rationale: 'national-security information described without markings',
  },
];

/**
 * The foia-redact engine: proposes the judgement-based redactions (deliberative, law-enforcement, commercial,
 * medical, unmarked classified) from cue phrases in each sentence and quotes the sentence. The document is data:
 * text inside it that reads like an instruction is treated like any other sentence.
 */
export const foiaRedactEngine: DomainEngine = (request) => {
  const user = request.messages.find((m) => m.role === 'user')?.content ?? '';
  const open = user.indexOf('<document>\n');
  const close = user.lastIndexOf('\n</document>');
  const document = open >= 0 && close > open ? user.slice(open + 11, close) : user;
  const spans: { quote: string; category: Category; exemption: string; confidence: number; rationale: string }[] = [];
  for (const sentence of document.split(/(?<=[.!?])\s+|\n+/)) {
    const quote = sentence.trim();
    if (quote.length < 8) continue;
    const cue = CUES.find((c) => c.pattern.test(quote));
    if (cue)
      spans.push({
        quote,
        category: cue.category,
        exemption: cue.exemption,
        confidence: cue.confidence,
        rationale: cue.rationale,
      });
    const informant = /\binformant,? ([A-Z][a-z]+ [A-Z][a-z]+)/.exec(quote);
    if (informant)
      spans.push({
        quote: informant[1]!,
        category: 'PERSON_PRIVATE',
        exemption: '(b)(7)(C)',
        confidence: 0.9,
        rationale: 'name of a confidential informant',
      });
  }
  return { content: JSON.stringify({ spans }) };
};
