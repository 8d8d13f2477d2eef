import { site } from '@/lib/site';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: site.timeZone,
  timeZoneName: 'short',
});

const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: site.timeZone,
});

/** "18 February 2023 at 09:00 UTC": full time for story pages. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "18 Feb 2023": compact date for lists. */
export function formatDate(iso: string): string {
  return dateOnly.format(new Date(iso));
}

const dateAndTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: site.timeZone,
});

/** "18 Feb 2023, 09:00": lists where the time of day matters. */
export function formatDateAndTime(iso: string): string {
  return dateAndTime.format(new Date(iso));
}

const updateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: site.timeZone,
  timeZoneName: 'short',
});

/** "14 Feb, 18:00 UTC": a live update's time, absolute and with its zone (a cached page never goes stale). */
export function formatUpdateTime(iso: string): string {
  return updateTime.format(new Date(iso));
}

const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: site.timeZone });

/** "09:00": the latest list on the front page. */
export function formatTime(iso: string): string {
  return timeOnly.format(new Date(iso));
}
