/**
 * The app roles Enclave's Entra app registration defines (DEPLOY.md). With App Service Authentication on, a caller
 * needs the role of what it does; with function keys only, the key is the gate and stands for the submit roles.
 */
export const ROLES = {
  radiologySubmit: 'Radiology.Submit',
  radiologyRead: 'Radiology.Read',
  foiaSubmit: 'Foia.Submit',
  varOperate: 'Var.Operate',
  operator: 'Operator',
} as const;

export type Role = (typeof ROLES)[keyof typeof ROLES];

/** What the function key stands for when no principal is known: submit and read, never operate. */
export const FUNCTION_KEY_ROLES: readonly Role[] = [
  ROLES.radiologySubmit,
  ROLES.radiologyRead,
  ROLES.foiaSubmit,
  ROLES.varOperate,
];
