import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors';
import { CRITICAL_RULES, type CriticalRule } from '../radiology/critical';
import { keyVaultKeyParts } from '../radiology/signing-key-vault';
import type { Env } from './env';

export interface RadiologySettings {
  criticalRules: CriticalRule[];
  /** Key Vault key that signs and is trusted on Azure (RADIOLOGY_SIGNING_KEY_ID); locally the key file in keysDir. */
  signingKeyId?: string;
  keysDir: string;
  /** Who reviews when the PACS request names nobody (RADIOLOGY_REVIEWER, RADIOLOGY_BACKUP_REVIEWER). */
  reviewer: string;
  backupReviewer: string;
}

const rule = z.object({
  name: z.string().min(2).max(80),
  /** A regular expression source, matched case-insensitively. */
  pattern: z.string().min(2).max(500),
  acrCategory: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});
const findingsSetting = z.object({ mode: z.enum(['extend', 'replace']).default('extend'), findings: z.array(rule) });

const CRITICAL = 'RADIOLOGY_CRITICAL_FINDINGS';

/**
 * RADIOLOGY_CRITICAL_FINDINGS: a JSON array of `{name, pattern, acrCategory}` that extends the default list (a rule
 * with a default's name replaces it), or `{"mode": "replace", "findings": [...]}` for a site's own list.
 */
export function readCriticalRules(env: Env): CriticalRule[] {
  const raw = env[CRITICAL];
  if (!raw?.trim()) return CRITICAL_RULES;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('is not valid JSON (an array of {name, pattern, acrCategory})', CRITICAL);
  }
  const parsed = findingsSetting.safeParse(Array.isArray(json) ? { findings: json } : json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = (Array.isArray(json) ? issue.path.slice(1) : issue.path).join('.');
    throw new ConfigError(`${where || 'value'}: ${issue.message}`, CRITICAL);
  }
  const { mode, findings } = parsed.data;
  const configured = findings.map((r, i): CriticalRule => {
    try {
      return { name: r.name, pattern: new RegExp(r.pattern, 'i'), acrCategory: r.acrCategory };
    } catch (error) {
      throw new ConfigError(`${i}.pattern is not a valid regular expression (${(error as Error).message})`, CRITICAL);
    }
  });
  if (mode === 'replace') {
    if (configured.length === 0) throw new ConfigError('replaces the list with nothing: give findings', CRITICAL);
    return configured;
  }
  const byName = new Map(configured.map((r) => [r.name.toLowerCase(), r]));
  const kept = CRITICAL_RULES.map((r) => byName.get(r.name.toLowerCase()) ?? r);
  return [...kept, ...configured.filter((r) => !kept.includes(r))];
}

/** The radiology pipeline's settings; errors name the variable. */
export function readRadiologySettings(env: Env = process.env): RadiologySettings {
  const signingKeyId = env.RADIOLOGY_SIGNING_KEY_ID || undefined;
  if (signingKeyId) {
    try {
      keyVaultKeyParts(signingKeyId);
    } catch {
      throw new ConfigError(
        'must be a Key Vault key id, https://<vault>/keys/<name>[/<version>]',
        'RADIOLOGY_SIGNING_KEY_ID',
      );
    }
  }
  return {
    criticalRules: readCriticalRules(env),
    signingKeyId,
    keysDir: env.ENCLAVE_KEYS_DIR || path.join(process.cwd(), '.enclave', 'keys'),
    reviewer: env.RADIOLOGY_REVIEWER || 'radiologist@hospital.example',
    backupReviewer: env.RADIOLOGY_BACKUP_REVIEWER || 'duty.radiologist@hospital.example',
  };
}
