import type { RadiologySettings } from '../config/radiology';
import type { ReportSigner, TrustedKeys } from './signing';
import { keyVaultSigner, keyVaultTrustedKeys } from './signing-key-vault';
import { localKeySigner, localTrustedKeys } from './signing-local';

type SigningSettings = Pick<RadiologySettings, 'signingKeyId' | 'keysDir'>;

/** Key Vault signs on Azure (RADIOLOGY_SIGNING_KEY_ID); locally the key file in ENCLAVE_KEYS_DIR. */
export function reportSigner(settings: SigningSettings): Promise<ReportSigner> {
  return settings.signingKeyId
    ? keyVaultSigner(settings.signingKeyId)
    : Promise.resolve(localKeySigner(settings.keysDir));
}

/** The same key, as the only one a verifier trusts. */
export function trustedReportKeys(settings: SigningSettings): TrustedKeys {
  return settings.signingKeyId ? keyVaultTrustedKeys(settings.signingKeyId) : localTrustedKeys(settings.keysDir);
}
