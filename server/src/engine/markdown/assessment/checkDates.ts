import * as l10n from '@vscode/l10n';
import { type AssessmentContext, fieldRange, writtenValue } from './assessmentContext';
import { servingRules } from '../../servesRules';

const DATE_KEY = /(?:^|[_-])date$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Dates people write that can be rewritten without guessing the day/month order.
const YEAR_FIRST = /^(\d{4})\s*[/.年-]\s*(\d{1,2})\s*[/.月-]\s*(\d{1,2})\s*日?$/;

/** Every `*_date` key is an ISO 8601 date (YAML turns `2025-04-28` into a Date, so the written text is checked). */
export const checkDates = servingRules(['assessment/date'], function checkDates(context: AssessmentContext): void {
  for (const key of Object.keys(context.frontMatter.data)) {
    if (!DATE_KEY.test(key)) continue;
    const value = context.frontMatter.data[key];
    const written = writtenValue(context, key) ?? (value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
    if ((value instanceof Date || typeof value === 'string') && isIsoDate(written)) continue;
    const fixed = yearFirstToIso(written);
    context.report({
      ruleId: 'assessment/date', range: fieldRange(context, key), fixable: fixed !== undefined,
      message: fixed
        ? l10n.t("{0} '{1}' is not an ISO date; write {2}.", key, written, fixed)
        : l10n.t("{0} '{1}' is not an ISO date (YYYY-MM-DD).", key, written),
      data: fixed ? { fix: 'replace', replacement: fixed } : {},
    });
  }
});

function isIsoDate(text: string): boolean {
  const match = ISO.exec(text.trim());
  if (!match) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  if (!isCalendarDate(year, month, day)) return false;
  return match[4] === undefined || (hour < 24 && minute < 60 && (match[6] === undefined || second < 60));
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function yearFirstToIso(text: string): string | undefined {
  const match = YEAR_FIRST.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
