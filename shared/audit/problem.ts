/** What is wrong with a stored chain, in the words an auditor would use. */
export type ProblemKind =
  | 'unparseable'
  | 'edited'
  | 'invalid'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'replaced'
  | 'truncated'
  | 'missing'
  | 'head-mismatch'
  | 'foreign'
  /** A chain, or the end of one, that no validly signed head covers: made up, or appended to without the key. */
  | 'unheaded'
  /** A head row whose signature is missing or does not verify under the trusted key. */
  | 'forged-head'
  /** A day manifest whose signature is missing or does not verify. */
  | 'forged-manifest'
  /** A chain the day's signed manifest does not list. */
  | 'unlisted';

export interface AuditProblem {
  kind: ProblemKind;
  blob: string;
  line?: number;
  seq?: number;
  problem: string;
}
