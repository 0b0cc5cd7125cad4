/** `YYYY-MM-DD` or an ISO timestamp → `DD.MM.YYYY` as the seeds' forms show dates; null stays null. */
export function formatDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : value;
}
