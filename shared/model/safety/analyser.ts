import type { TokenCredential } from '@azure/core-auth';
import ContentSafetyClient, { isUnexpected } from '@azure-rest/ai-content-safety';
import { RetryableError } from '../../errors';
import { type Severities, zeroSeverities } from './categories';
import { type AnalysisContext, analyseText } from './local-analyser';

/** Scores text on the five categories, 0–7. */
export interface SafetyAnalyser {
  analyse(text: string, context?: AnalysisContext): Promise<Severities>;
}

export const localAnalyser: SafetyAnalyser = {
  analyse: async (text, context) => analyseText(text, context),
};

/**
 * Azure AI Content Safety (eight severity levels) for the four Azure categories; illegal activity is ours and
 * always comes from the local analyser.
 */
export function azureContentSafety(endpoint: string, credential: TokenCredential): SafetyAnalyser {
  const client = ContentSafetyClient(endpoint, credential);
  return {
    async analyse(text, context) {
      const response = await client
        .path('/text:analyze')
        .post({ body: { text: text.slice(0, 10_000), outputType: 'EightSeverityLevels' } });
      if (isUnexpected(response))
        throw new RetryableError(`content safety answered ${response.status}: ${response.body.error.message}`);
      const result = zeroSeverities();
      const keys: Record<string, keyof Severities> = {
        Hate: 'hate',
        Sexual: 'sexual',
        Violence: 'violence',
        SelfHarm: 'selfHarm',
      };
      for (const item of response.body.categoriesAnalysis) {
        const key = keys[item.category];
        if (key) result[key] = item.severity ?? 0;
      }
      result.illegalActivity = analyseText(text, context).illegalActivity;
      return result;
    },
  };
}
