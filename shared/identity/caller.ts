import type { Environment } from '../config/environment';
import type { IdentityConfig } from '../config/identity';
import { decodePrincipal, type Principal } from './principal';
import { FUNCTION_KEY_ROLES, type Role } from './roles';

export interface HeaderSource {
  get(name: string): string | null;
}

/** Who called an HTTP function, as far as the platform vouches for it. */
export interface Caller {
  /**
   * `easy-auth`: a principal App Service Authentication signed in; `function-key`: only the key is known;
   * `system`: Enclave's own trigger (an inbox, the schedule).
   */
  via: 'easy-auth' | 'function-key' | 'system';
  /** The principal's name (UPN / e-mail), or `function-key`. */
  name: string;
  principal?: Principal;
  roles: readonly string[];
  ipAddress: string;
}

export type CallerResult =
  | { ok: true; caller: Caller }
  | { ok: false; status: 401 | 403; error: string; where: string };

/**
 * The caller's address. On Azure the front end appends the client's address to X-Forwarded-For, so only its last
 * entry is the platform's (earlier ones are whatever the client sent); locally no header is trusted.
 */
export function ipAddressOf(headers: HeaderSource, environment: Environment): string {
  if (environment !== 'azure') return '127.0.0.1';
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  if (!last) return 'unknown';
  // "1.2.3.4:5678" or "[::1]:5678" as App Service writes it; the port is not part of who called.
  return last.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1').replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1');
}

/**
 * Names the caller. `x-ms-client-principal` is read only when App Service Authentication is configured
 * (ENCLAVE_EASY_AUTH): then it is required, and its name and app roles are the caller. Otherwise the function key
 * the host already checked is the only identity, and `x-ms-client-principal*` headers are ignored.
 */
export function callerOf(headers: HeaderSource, identity: IdentityConfig, environment: Environment): CallerResult {
  const ipAddress = ipAddressOf(headers, environment);
  if (!identity.easyAuth)
    return { ok: true, caller: { via: 'function-key', name: 'function-key', roles: FUNCTION_KEY_ROLES, ipAddress } };
  const principal = decodePrincipal(headers.get('x-ms-client-principal'));
  if (!principal)
    return {
      ok: false,
      status: 401,
      error: 'sign in through App Service Authentication (Entra ID): no valid x-ms-client-principal',
      where: 'x-ms-client-principal',
    };
  return { ok: true, caller: { via: 'easy-auth', name: principal.name, principal, roles: principal.roles, ipAddress } };
}

/** The caller named, and holding `role`; otherwise the refusal to answer. */
export function authorise(
  headers: HeaderSource,
  identity: IdentityConfig,
  environment: Environment,
  role: Role,
): CallerResult {
  const result = callerOf(headers, identity, environment);
  if (!result.ok || result.caller.roles.includes(role)) return result;
  return {
    ok: false,
    status: 403,
    error: `${result.caller.name} lacks the app role ${role}; ask an administrator to assign it (DEPLOY.md)`,
    where: 'x-ms-client-principal',
  };
}
