import { Pipe, type PipeTransform } from '@angular/core';

/** "5 minutes ago" / "il y a 5 minutes", from an instant and the current time. */
export function formatAge(at: string | Date, now: Date, locale: string): string {
  const seconds = Math.round((new Date(at).getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) {
    return format.format(minutes, 'minute');
  }
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48) {
    return format.format(hours, 'hour');
  }

  return format.format(Math.round(hours / 24), 'day');
}

@Pipe({ name: 'age' })
export class AgePipe implements PipeTransform {
  transform(at: string | Date | null | undefined, now: Date, locale: string): string {
    return at ? formatAge(at, now, locale) : '';
  }
}
