import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether a secret someone sent equals ours, in constant time. Both are hashed first so the
 * comparison always runs on two equal-length digests (timingSafeEqual needs equal lengths, and a
 * length check would itself leak the secret's length). No secret configured never matches.
 */
export function secretsMatch(given: string | null | undefined, expected: string | undefined): boolean {
  if (!expected || given === null || given === undefined) return false;
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** GitHub's `X-Hub-Signature-256`: "sha256=" and the hex HMAC-SHA256 of the raw body with the shared secret. */
export function githubSignature(body: Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function verifyGithubSignature(body: Uint8Array, header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  return secretsMatch(header.trim().toLowerCase(), githubSignature(body, secret));
}

/** `Authorization: Bearer <secret>`. */
export function verifyBearer(header: string | null, secret: string | undefined): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return Boolean(match) && secretsMatch(match![1], secret);
}
