/**
 * A pipeline's part of the review page: how its draft is shown and how the reviewer's edits are read back.
 * The review sub-orchestration and page know nothing else about a pipeline.
 */
export interface ReviewView<Draft, Modified> {
  pipeline: string;
  title(draft: Draft): string;
  /** HTML fragment inside the review form; every value escaped. */
  render(draft: Draft): string;
  /** Reads the posted form into the modified content; throws UserError naming the field when it is wrong. */
  parseModification(form: URLSearchParams, draft: Draft): Modified;
  /** Optional progressive enhancement, inlined after the form and allowed by its hash; the page works without it. */
  script?: string;
}
