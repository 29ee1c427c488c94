/** `YYYY-MM-DD` of a moment in the local time zone: the day the user ran the report, as the seeds write it. */
export function localIsoDate(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
