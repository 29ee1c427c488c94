/**
 * Line starts of the original text. Lines end at `\r\n`, `\r` or `\n`, exactly the newlines markdown-it
 * normalises, so markdown-it's token line numbers index this table.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  readonly starts: number[] = [0];
  /** Offset where each line's text ends (before its line break). */
  readonly ends: number[] = [];
  /** The dominant line break, reused when a fix inserts lines. */
  readonly eol: '\n' | '\r\n';

  constructor(readonly text: string) {
    let crlf = 0;
    let lf = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== 10 && ch !== 13) continue;
      this.ends.push(i);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) {
        i++;
        crlf++;
      } else if (ch === 10) {
        lf++;
      }
      this.starts.push(i + 1);
    }
    this.ends.push(text.length);
    this.eol = crlf > lf ? '\r\n' : '\n';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.ends[line]);
  }

  /** Zero-based line and UTF-16 column of an offset. */
  positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, column: offset - this.starts[low] };
  }
}
