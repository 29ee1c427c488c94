import type { AnalyzeInput, Finding } from '../types';

/** Markdown analysis (front matter, fences, prose). Placeholder until the Markdown issue lands. */
export function analyzeMarkdown(_input: AnalyzeInput): Finding[] {
  return [];
}
