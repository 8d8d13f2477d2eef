import { describe, expect, it } from 'vitest';
import { previewStatus } from './status';

const NOW = Date.parse('2024-06-01T12:00:00Z');

describe('previewStatus', () => {
  it('says what readers see', () => {
    expect(previewStatus({ draft: true, publishedAt: '2024-05-01T10:00:00Z', sample: false }, NOW)).toMatch(/^Draft: readers cannot see/);
    expect(previewStatus({ draft: false, publishedAt: '2024-06-02T09:30:00Z', sample: false }, NOW)).toBe(
      'Scheduled: readers will see this story from 2 June 2024 at 09:30 UTC.',
    );
    expect(previewStatus({ draft: false, publishedAt: '2024-05-01T10:00:00Z', sample: false }, NOW)).toMatch(/^Published/);
  });
});
