/** How a local region misbehaves; changed at runtime by tests, chaos runs and benchmarks. */
export interface FaultProfile {
  /** Added latency: a fixed value or a [min, max] uniform range (ms). */
  latencyMs?: number | [number, number];
  /** Share of requests answered 500. */
  errorRate?: number;
  /** Share of requests answered 429 with retry-after-ms. */
  throttleRate?: number;
  retryAfterMs?: number;
  /** Requests per minute the region accepts before answering 429 (models PTU capacity). */
  capacityPerMinute?: number;
  /** Never answers (the client's timeout ends the attempt). */
  hang?: boolean;
  /** Refuses connections outright. */
  down?: boolean;
  /** Answers with this region in x-ms-region (to test served-region verification). */
  servedRegion?: string;
  /** Answers without `x-ms-region` (to test that a data-zone or global answer of unknown origin is withheld). */
  omitRegionHeader?: boolean;
  /**
   * Labels Azure's classifier gives the prompt or the completion, in place of the local analyser's. A completion
   * label of medium or high is filtered: HTTP 200 with `finish_reason: "content_filter"` and no content.
   */
  annotations?: { prompt?: AnnotationLabels; completion?: AnnotationLabels };
  /**
   * Azure's own PTU spillover to this standard deployment of the same resource: past capacity the request is
   * answered by it (with `x-ms-spillover-from-deployment`) instead of 429.
   */
  spilloverDeployment?: string;
}

export type AnnotationLabels = Partial<
  Record<'hate' | 'sexual' | 'violence' | 'self_harm', 'safe' | 'low' | 'medium' | 'high'>
>;

/** A small seeded PRNG (mulberry32) so fault rates are reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
