import { ConfigError } from '../errors';
import type { Env } from './env';

export interface ReviewConfig {
  /** HMAC key for reviewer links (Key Vault reference on Azure). */
  linkSecret: string;
  /** Public base URL reviewers open, e.g. https://func-x.azurewebsites.net. */
  baseUrl: string;
  /** On Azure with App Service Authentication: the signed-in principal must be the reviewer in the link. */
  requirePrincipal: boolean;
  /** The CSRF cookie carries `Secure` when reviewers reach the app over https (always on Azure). */
  secureCookie: boolean;
  /** Service Bus namespace for reviewer notifications on Azure (ServiceBusConnection__fullyQualifiedNamespace). */
  notificationNamespace?: string;
}

const LOCAL_SECRET = 'local-review-link-secret-change-me-0123456789';

export function readReviewConfig(env: Env, environment: 'local' | 'azure'): ReviewConfig {
  const secret = env.REVIEW_LINK_SECRET ?? (environment === 'local' ? LOCAL_SECRET : undefined);
  if (!secret)
    throw new ConfigError(
      'is required on Azure (a Key Vault reference to the review-link secret)',
      'REVIEW_LINK_SECRET',
    );
  if (secret.length < 32) throw new ConfigError('must be at least 32 characters', 'REVIEW_LINK_SECRET');
  const host = env.WEBSITE_HOSTNAME;
  const baseUrl =
    env.REVIEW_BASE_URL ??
    (host ? `${host.startsWith('localhost') ? 'http' : 'https'}://${host}` : 'http://localhost:7071');
  try {
    new URL(baseUrl);
  } catch {
    throw new ConfigError(`"${baseUrl}" is not a URL`, 'REVIEW_BASE_URL');
  }
  return {
    linkSecret: secret,
    baseUrl: baseUrl.replace(/\/$/, ''),
    requirePrincipal: env.REVIEW_REQUIRE_PRINCIPAL === 'true',
    secureCookie: environment === 'azure' || baseUrl.startsWith('https:'),
    ...(env.ServiceBusConnection__fullyQualifiedNamespace
      ? { notificationNamespace: env.ServiceBusConnection__fullyQualifiedNamespace }
      : {}),
  };
}
