import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { githubSignature, secretsMatch, verifyBearer, verifyGithubSignature } from './secrets';

describe('secretsMatch', () => {
  it('matches only the same secret, whatever the lengths', () => {
    expect(secretsMatch('s3cret', 's3cret')).toBe(true);
    expect(secretsMatch('s3cret!', 's3cret')).toBe(false);
    expect(secretsMatch('s3', 's3cret')).toBe(false);
    expect(secretsMatch('', 's3cret')).toBe(false);
  });

  it('never matches when no secret is configured', () => {
    expect(secretsMatch('', undefined)).toBe(false);
    expect(secretsMatch('', '')).toBe(false);
    expect(secretsMatch(null, 's3cret')).toBe(false);
  });
});

describe('GitHub signatures', () => {
  const body = new TextEncoder().encode('{"commits":[]}');
  it('is the HMAC-SHA256 of the raw body, as GitHub computes it', () => {
    expect(githubSignature(body, 'key')).toBe(`sha256=${createHmac('sha256', 'key').update(body).digest('hex')}`);
  });

  it('verifies a correct signature and refuses a wrong secret, a changed body or a missing header', () => {
    const good = githubSignature(body, 'key');
    expect(verifyGithubSignature(body, good, 'key')).toBe(true);
    expect(verifyGithubSignature(body, good.toUpperCase().replace('SHA256', 'sha256'), 'key')).toBe(true);
    expect(verifyGithubSignature(body, githubSignature(body, 'other'), 'key')).toBe(false);
    expect(verifyGithubSignature(new TextEncoder().encode('{"commits":[1]}'), good, 'key')).toBe(false);
    expect(verifyGithubSignature(body, null, 'key')).toBe(false);
    expect(verifyGithubSignature(body, good, undefined)).toBe(false);
  });
});

describe('verifyBearer', () => {
  it('accepts exactly "Bearer <secret>"', () => {
    expect(verifyBearer('Bearer key', 'key')).toBe(true);
    expect(verifyBearer('bearer key', 'key')).toBe(true);
    expect(verifyBearer('Bearer key2', 'key')).toBe(false);
    expect(verifyBearer('Basic key', 'key')).toBe(false);
    expect(verifyBearer(null, 'key')).toBe(false);
    expect(verifyBearer('Bearer ', '')).toBe(false);
  });
});
