import { Script } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NEW_UPDATES_SCRIPT } from './NewUpdatesPrompt';

describe('the new-updates prompt’s script', () => {
  it('is plain JavaScript that parses, within the live island’s 3 kB gzip budget (ADR 0011)', () => {
    // Compiled, not run: a syntax error throws here.
    expect(() => new Script(NEW_UPDATES_SCRIPT)).not.toThrow();
    expect(gzipSync(NEW_UPDATES_SCRIPT).length).toBeLessThan(3 * 1024);
  });

  it('asks every 15 s at most, backs off to 2 minutes on failure, and only while the tab is visible', () => {
    expect(NEW_UPDATES_SCRIPT).toContain('w=15e3');
    expect(NEW_UPDATES_SCRIPT).toContain('Math.min(w*2,12e4)');
    expect(NEW_UPDATES_SCRIPT).toContain("document.visibilityState!='visible'");
  });
});
