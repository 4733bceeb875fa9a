import { objectKeys } from './bicep';
import type { Finding, Template } from './rules';

export interface HostingPlan {
  file: string;
  /** serverfarm SKU tier: FlexConsumption, Dynamic (Consumption), ElasticPremium, … */
  tier: string;
  linux: boolean;
  /** Keys set on the site's `properties` and `properties.siteConfig`. */
  siteProperties: string[];
}

/** The Function App's plan, read from the template that declares the serverfarm and the site. */
export function hostingPlan(templates: Template[]): HostingPlan | undefined {
  for (const t of templates) {
    const farm = t.declarations.find((d) => d.target?.startsWith('Microsoft.Web/serverfarms@') && !d.existing);
    const site = t.declarations.find((d) => d.target?.startsWith('Microsoft.Web/sites@') && !d.existing);
    if (!farm || !site) continue;
    const properties = from(site.body, /^\s*properties:/m);
    const siteConfig = from(properties, /^\s*siteConfig:/m);
    return {
      file: t.file,
      tier: /tier:\s*'(\w+)'/.exec(farm.body)?.[1] ?? 'unknown',
      linux: /kind:\s*'[^']*linux/.test(site.body) || /reserved:\s*true/.test(farm.body),
      siteProperties: [...objectKeys(properties), ...objectKeys(siteConfig)],
    };
  }
  return undefined;
}

function from(text: string, start: RegExp): string {
  const at = text.search(start);
  return at < 0 ? '' : text.slice(at);
}

// Flex Consumption plan deprecations (learn.microsoft.com, functions-app-settings#flex-consumption-plan-deprecations).
const FLEX_DEPRECATED_SETTINGS = [
  'ENABLE_ORYX_BUILD',
  'FUNCTIONS_EXTENSION_VERSION',
  'FUNCTIONS_WORKER_RUNTIME',
  'FUNCTIONS_WORKER_RUNTIME_VERSION',
  'FUNCTIONS_MAX_HTTP_CONCURRENCY',
  'FUNCTIONS_WORKER_PROCESS_COUNT',
  'FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'WEBSITE_CONTENTAZUREFILECONNECTIONSTRING',
  'WEBSITE_CONTENTOVERVNET',
  'WEBSITE_CONTENTSHARE',
  'WEBSITE_DNS_SERVER',
  'WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT',
  'WEBSITE_NODE_DEFAULT_VERSION',
  'WEBSITE_RUN_FROM_PACKAGE',
  'WEBSITE_SKIP_CONTENTSHARE_VALIDATION',
  'WEBSITE_VNET_ROUTE_ALL',
];
const FLEX_DEPRECATED_PROPERTIES = [
  'alwaysOn',
  'containerSize',
  'ftpsState',
  'isReserved',
  'isXenon',
  'javaVersion',
  'linuxFxVersion',
  'netFrameworkVersion',
  'powerShellVersion',
  'functionAppScaleLimit',
  'preWarmedInstanceCount',
  'use32BitWorkerProcess',
  'vnetBackupRestoreEnabled',
  'vnetContentShareEnabled',
  'vnetImagePullEnabled',
  'vnetRouteAllEnabled',
  'windowsFxVersion',
].map((p) => p.toLowerCase());

/** Flex Consumption ignores or rejects these app settings and site properties: none may be sent. */
export function flexAccepts(env: Record<string, string>, plan: HostingPlan, mainFile: string): Finding[] {
  if (plan.tier !== 'FlexConsumption') return [];
  const settings = Object.keys(env)
    .filter((key) => FLEX_DEPRECATED_SETTINGS.includes(key.toUpperCase()))
    .map((key) => ({ rule: 'flex', file: mainFile, message: `app setting ${key} is deprecated on Flex Consumption` }));
  const properties = plan.siteProperties
    .filter((key) => FLEX_DEPRECATED_PROPERTIES.includes(key.toLowerCase()))
    .map((key) => ({
      rule: 'flex',
      file: plan.file,
      message: `site property ${key} is not accepted on Flex Consumption`,
    }));
  return [...settings, ...properties];
}

const UTC_ONLY_TIERS = ['FlexConsumption', 'Dynamic'];

/**
 * Linux Consumption and Flex Consumption do not honour WEBSITE_TIME_ZONE or TZ (and the setting can break TLS and
 * metrics there); other Linux plans take an IANA id, never a Windows one. The desk zone the app reads is VAR_TIME_ZONE.
 */
export function timeZoneSettings(env: Record<string, string>, plan: HostingPlan, mainFile: string): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['WEBSITE_TIME_ZONE', 'TZ']) {
    const zone = env[key];
    if (zone === undefined || !plan.linux) continue;
    if (UTC_ONLY_TIERS.includes(plan.tier))
      findings.push({
        rule: 'time-zone',
        file: mainFile,
        message: `${key} is not supported on Linux ${plan.tier}: timers fire in UTC; give the desk zone to the app as VAR_TIME_ZONE`,
      });
    else if (!isIanaZone(zone))
      findings.push({
        rule: 'time-zone',
        file: mainFile,
        message: `${key}=${zone} on a Linux plan must be an IANA id (e.g. America/New_York), not a Windows id`,
      });
  }
  const desk = env.VAR_TIME_ZONE;
  if (desk !== undefined && !isIanaZone(desk))
    findings.push({
      rule: 'time-zone',
      file: mainFile,
      message: `VAR_TIME_ZONE=${desk} is not an IANA time zone (e.g. America/New_York)`,
    });
  return findings;
}

function isIanaZone(zone: string): boolean {
  if (zone !== 'UTC' && !zone.includes('/')) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
