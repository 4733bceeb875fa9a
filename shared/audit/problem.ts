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
  | 'foreign';

export interface AuditProblem {
  kind: ProblemKind;
  blob: string;
  line?: number;
  seq?: number;
  problem: string;
}
