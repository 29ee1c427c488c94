/** A shell word: its unquoted value and, for each value character, the source offset it came from. */
export interface ShellWord {
  kind: 'word';
  value: string;
  /** Source offset of each character of `value` (escapes and quotes removed). */
  offsets: number[];
  start: number;
  end: number;
}

/** A control or redirection operator; `newline` ends a command like `;`. */
export interface ShellOperator {
  kind: 'operator';
  op: string;
  start: number;
  end: number;
}

/** Text that is data to the shell: a here-document body, or the inside of a `$(...)` / backtick substitution. */
export interface ShellNested {
  kind: 'heredoc' | 'substitution';
  start: number;
  end: number;
}

export type ShellToken = ShellWord | ShellOperator | ShellNested;

export type ShellDialect = 'posix' | 'powershell';

const POSIX_OPERATORS = ['&&', '||', ';;', '|&', '<<<', '<<-', '<<', '>>', '>&', '&>', '>|', ';', '&', '|', '(', ')', '<', '>'];
const POWERSHELL_OPERATORS = ['&&', '||', '>>', '2>', ';', '|', '(', ')', '>', '&'];
const REDIRECTIONS = new Set(['<', '>', '>>', '>&', '&>', '>|', '<<<', '2>']);

/**
 * Splits shell text into words and operators the way the shell would (quotes, escapes, line continuations,
 * comments, here-documents, command substitutions), keeping exact source offsets so findings and fixes land
 * on the characters the user wrote. POSIX sh/bash/zsh, or PowerShell (backtick escapes).
 */
export function tokenizeShell(text: string, dialect: ShellDialect, from = 0, to = text.length): ShellToken[] {
  return new Lexer(text, dialect, to).run(from);
}

export function isRedirection(token: ShellToken): boolean {
  return token.kind === 'operator' && REDIRECTIONS.has(token.op);
}

class Lexer {
  private readonly tokens: ShellToken[] = [];
  private readonly escape: string;
  private readonly operators: string[];
  private pendingHeredocs: Array<{ delimiter: string; stripTabs: boolean }> = [];

  constructor(private readonly text: string, private readonly dialect: ShellDialect, private readonly end: number) {
    this.escape = dialect === 'powershell' ? '`' : '\\';
    this.operators = dialect === 'powershell' ? POWERSHELL_OPERATORS : POSIX_OPERATORS;
  }

  run(from: number): ShellToken[] {
    let pos = from;
    while (pos < this.end) {
      const ch = this.text[pos];
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        pos++;
      } else if (ch === '\n') {
        this.tokens.push({ kind: 'operator', op: 'newline', start: pos, end: pos + 1 });
        pos = this.afterHeredocs(pos + 1);
      } else if (ch === this.escape && this.isLineBreakAt(pos + 1)) {
        pos = this.skipLineBreak(pos + 1);
      } else if (ch === '#') {
        pos = this.skipComment(pos);
      } else if (this.dialect === 'powershell' && this.text.startsWith('<#', pos)) {
        const close = this.text.indexOf('#>', pos + 2);
        pos = close < 0 || close + 2 > this.end ? this.end : close + 2;
      } else {
        const op = this.operatorAt(pos);
        if (op) {
          this.tokens.push({ kind: 'operator', op, start: pos, end: pos + op.length });
          pos += op.length;
          if (op === '<<' || op === '<<-') pos = this.readHeredocDelimiter(pos, op === '<<-');
        } else {
          pos = this.readWord(pos);
        }
      }
    }
    return this.tokens;
  }

  private operatorAt(pos: number): string | undefined {
    // In PowerShell `&` only acts as the call operator or `&&`; `2>` needs its digit.
    return this.operators.find((op) => this.text.startsWith(op, pos) && pos + op.length <= this.end);
  }

  private isLineBreakAt(pos: number): boolean {
    return this.text[pos] === '\n' || (this.text[pos] === '\r' && this.text[pos + 1] === '\n');
  }

  private skipLineBreak(pos: number): number {
    return this.text[pos] === '\r' ? pos + 2 : pos + 1;
  }

  private skipComment(pos: number): number {
    while (pos < this.end && this.text[pos] !== '\n') pos++;
    return pos;
  }

  private readWord(start: number): number {
    const chars: string[] = [];
    const offsets: number[] = [];
    const take = (index: number) => {
      chars.push(this.text[index]);
      offsets.push(index);
    };
    let pos = start;
    while (pos < this.end) {
      const ch = this.text[pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || (ch === '\r' && this.text[pos + 1] === '\n') || this.operatorAt(pos)) break;
      if (ch === this.escape) {
        if (this.isLineBreakAt(pos + 1)) {
          pos = this.skipLineBreak(pos + 1);
        } else if (pos + 1 < this.end) {
          take(pos + 1);
          pos += 2;
        } else {
          pos++;
        }
      } else if (ch === "'") {
        pos = this.readSingleQuoted(pos + 1, take);
      } else if (ch === '"') {
        pos = this.readDoubleQuoted(pos + 1, take);
      } else if (ch === '$' && (this.text[pos + 1] === '(' || this.text[pos + 1] === '{')) {
        pos = this.readBalanced(pos, take);
      } else if (ch === '`' && this.dialect === 'posix') {
        pos = this.readBackticks(pos, take);
      } else {
        take(pos);
        pos++;
      }
    }
    if (pos > start) this.tokens.push({ kind: 'word', value: chars.join(''), offsets, start, end: pos });
    return pos;
  }

  private readSingleQuoted(pos: number, take: (index: number) => void): number {
    while (pos < this.end) {
      if (this.text[pos] === "'") {
        // PowerShell doubles a quote to escape it.
        if (this.dialect === 'powershell' && this.text[pos + 1] === "'") {
          take(pos);
          pos += 2;
          continue;
        }
        return pos + 1;
      }
      take(pos);
      pos++;
    }
    return pos;
  }

  private readDoubleQuoted(pos: number, take: (index: number) => void): number {
    while (pos < this.end) {
      const ch = this.text[pos];
      if (ch === '"') {
        if (this.dialect === 'powershell' && this.text[pos + 1] === '"') {
          take(pos);
          pos += 2;
          continue;
        }
        return pos + 1;
      }
      if (ch === this.escape && pos + 1 < this.end) {
        if (this.isLineBreakAt(pos + 1)) {
          pos = this.skipLineBreak(pos + 1);
          continue;
        }
        // POSIX keeps the backslash unless it escapes one of $ ` " \.
        if (this.dialect === 'posix' && !'$`"\\'.includes(this.text[pos + 1])) take(pos);
        take(pos + 1);
        pos += 2;
      } else if (ch === '$' && this.text[pos + 1] === '(') {
        pos = this.readBalanced(pos, take);
      } else {
        take(pos);
        pos++;
      }
    }
    return pos;
  }

  /** `$(...)` or `${...}`: kept in the word as written; a command substitution is also analysed on its own. */
  private readBalanced(start: number, take: (index: number) => void): number {
    const open = this.text[start + 1];
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    let pos = start + 1;
    let quote = '';
    for (; pos < this.end; pos++) {
      const ch = this.text[pos];
      if (quote) {
        if (ch === quote) quote = '';
        else if (ch === '\\' && quote === '"') pos++;
      } else if (ch === "'" || ch === '"') {
        quote = ch;
      } else if (ch === '\\') {
        pos++;
      } else if (ch === open) {
        depth++;
      } else if (ch === close && --depth === 0) {
        break;
      }
    }
    const end = Math.min(pos + 1, this.end);
    if (open === '(') this.tokens.push({ kind: 'substitution', start: start + 2, end: Math.max(start + 2, end - 1) });
    for (let i = start; i < end; i++) take(i);
    return end;
  }

  private readBackticks(start: number, take: (index: number) => void): number {
    let pos = start + 1;
    while (pos < this.end && this.text[pos] !== '`') pos += this.text[pos] === '\\' ? 2 : 1;
    const end = Math.min(pos + 1, this.end);
    this.tokens.push({ kind: 'substitution', start: start + 1, end: Math.max(start + 1, end - 1) });
    for (let i = start; i < end; i++) take(i);
    return end;
  }

  private readHeredocDelimiter(pos: number, stripTabs: boolean): number {
    while (pos < this.end && (this.text[pos] === ' ' || this.text[pos] === '\t')) pos++;
    const before = this.tokens.length;
    const next = this.readWord(pos);
    const word = this.tokens[before];
    if (word?.kind === 'word') {
      this.tokens.pop();
      this.pendingHeredocs.push({ delimiter: word.value, stripTabs });
    }
    return next;
  }

  /** After a line break: skips the bodies of here-documents opened on the line that just ended. */
  private afterHeredocs(pos: number): number {
    for (const heredoc of this.pendingHeredocs) {
      const bodyStart = pos;
      let bodyEnd = this.end;
      while (pos < this.end) {
        const lineEnd = this.text.indexOf('\n', pos);
        const stop = lineEnd < 0 || lineEnd > this.end ? this.end : lineEnd;
        let line = this.text.slice(pos, stop).replace(/\r$/, '');
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        if (line === heredoc.delimiter) {
          bodyEnd = pos;
          pos = stop < this.end ? stop + 1 : stop;
          break;
        }
        pos = stop < this.end ? stop + 1 : stop;
      }
      this.tokens.push({ kind: 'heredoc', start: bodyStart, end: Math.min(bodyEnd, pos) });
    }
    this.pendingHeredocs = [];
    return pos;
  }
}
