import { createHmac, timingSafeEqual } from 'node:crypto';
import { sha256 } from '../storage/sha256';
import type { HeadKey, HeadSignature } from './head-key';

/** HMAC-SHA256 with a secret setting: the local stack's head key (Key Vault signs on Azure). */
export function localHeadKey(secret: string): HeadKey {
  const keyId = `local:${sha256(secret).slice(0, 16)}`;
  const mac = (statement: Buffer) => createHmac('sha256', secret).update(statement).digest();
  return {
    async sign(statement) {
      return { alg: 'HS256', keyId, value: mac(statement).toString('base64') };
    },
    async check(statement: Buffer, signature: HeadSignature) {
      if (signature.alg !== 'HS256') return `signed with ${signature.alg}, the local head key is HS256`;
      if (signature.keyId !== keyId) return `signed with key ${signature.keyId}, the trusted head key is ${keyId}`;
      const given = Buffer.from(signature.value, 'base64');
      const expected = mac(statement);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return `the signature does not match the content under ${keyId}`;
      return undefined;
    },
  };
}
