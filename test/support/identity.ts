/** An `x-ms-client-principal` header as App Service Authentication writes it, for a signed-in Entra user or app. */
export function principalHeader(
  name: string,
  roles: string[] = [],
  groups: string[] = [],
): { 'x-ms-client-principal': string } {
  const claims = [
    { typ: 'http://schemas.microsoft.com/identity/claims/objectidentifier', val: `oid-${name}` },
    { typ: 'preferred_username', val: name },
    ...roles.map((val) => ({ typ: 'roles', val })),
    ...groups.map((val) => ({ typ: 'groups', val })),
  ];
  const principal = { auth_typ: 'aad', name_typ: 'preferred_username', role_typ: 'roles', claims };
  return { 'x-ms-client-principal': Buffer.from(JSON.stringify(principal)).toString('base64') };
}

/** Settings that make the local host trust x-ms-client-principal, standing in for App Service Authentication. */
export const EASY_AUTH_FOR_TESTS = { ENCLAVE_EASY_AUTH: 'true', ENCLAVE_TEST_TRUST_PRINCIPAL_HEADER: '1' };
