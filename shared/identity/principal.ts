import { z } from 'zod';

/** The body of `x-ms-client-principal` as App Service Authentication writes it (base64 JSON). */
const principalSchema = z.object({
  auth_typ: z.string().optional(),
  name_typ: z.string().optional(),
  role_typ: z.string().optional(),
  claims: z.array(z.object({ typ: z.string(), val: z.string() })),
});

export interface Principal {
  id: string;
  name: string;
  roles: string[];
  groups: string[];
}

const OID = 'http://schemas.microsoft.com/identity/claims/objectidentifier';
const NAME_CLAIMS = [
  'preferred_username',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'name',
];

/** Decodes the header; undefined when it is absent or not a principal (never a partial identity). */
export function decodePrincipal(header: string | null | undefined): Principal | undefined {
  if (!header) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = principalSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { claims, name_typ, role_typ } = parsed.data;
  const all = (typ: string) => claims.filter((c) => c.typ === typ).map((c) => c.val);
  const first = (types: string[]) => types.flatMap(all)[0];
  const id = first([OID, 'oid', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier']);
  const name = first([...(name_typ ? [name_typ] : []), ...NAME_CLAIMS]);
  if (!id || !name) return undefined;
  return {
    id,
    name,
    roles: [...new Set([...all(role_typ ?? 'roles'), ...all('roles')])],
    groups: all('groups').map((g) => g.toLowerCase()),
  };
}
