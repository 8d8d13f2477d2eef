import { describe, expect, it } from 'vitest';
import { lastModifiedAt } from './last-modified';

const published = '2024-05-01T10:00:00+00:00';

describe('lastModifiedAt', () => {
  it('is the publication time of an untouched story', () => {
    expect(lastModifiedAt({ publishedAt: published })).toBe(published);
  });

  it('is the update time when there is one', () => {
    expect(lastModifiedAt({ publishedAt: published, updatedAt: '2024-05-02T08:00:00+00:00' })).toBe('2024-05-02T08:00:00+00:00');
  });

  it('is the latest correction when it comes after the update, compared as instants not strings', () => {
    expect(
      lastModifiedAt({
        publishedAt: published,
        updatedAt: '2024-05-02T08:00:00+00:00',
        corrections: [
          { date: '2024-05-03T09:00:00+02:00', text: 'A later correction (07:00 UTC).' },
          { date: '2024-05-02T09:00:00+00:00', text: 'An earlier one.' },
        ],
      }),
    ).toBe('2024-05-03T09:00:00+02:00');
  });

  it('keeps the update when every correction is older', () => {
    expect(
      lastModifiedAt({
        publishedAt: published,
        updatedAt: '2024-05-04T08:00:00+00:00',
        corrections: [{ date: '2024-05-03T08:00:00+00:00', text: 'Fixed.' }],
      }),
    ).toBe('2024-05-04T08:00:00+00:00');
  });
});
