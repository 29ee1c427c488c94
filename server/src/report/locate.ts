// Turns the engine's offset ranges into line positions while the text is at hand, so a scan can drop each
// file's text right after analysing it (a 10,000-file report keeps only positions).
import type { Finding } from '../engine/types';
import { type LinePosition, type LocatedFinding, locateFinding } from '../formats/locatedFinding';

/** Offsets where each line starts; `\r\n`, `\n` and lone `\r` all end a line, as in LSP. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): LinePosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

export function locateFindings(text: string, findings: readonly Finding[]): LocatedFinding[] {
  if (findings.length === 0) return [];
  const starts = lineStarts(text);
  return findings.map((finding) => locateFinding(finding, (offset) => positionAt(starts, offset)));
}
