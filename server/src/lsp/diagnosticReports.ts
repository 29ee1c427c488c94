import { randomBytes } from 'node:crypto';
import type { Diagnostic } from 'vscode-languageserver';
import { sameJson } from './sameJson';

/** What a document's last full report said, and for which version and environment. */
interface LastReport {
  version: number;
  environment: string;
  resultId: string;
  items: readonly Diagnostic[];
}

/**
 * Per open document, the last full diagnostic report the server answered, so a pull whose diagnostics are the same
 * is answered "unchanged" (LSP 3.17: the client keeps what it has). Typing inside one line leaves every diagnostic
 * elsewhere identical (LSP positions are line/character), so most keystrokes change no diagnostic at all (issue #13).
 *
 * A result id names one content in one environment (settings, locale, folders, held-back state) for good: it is
 * reused only for diagnostics identical to those it was given for, in the same environment, and a content that comes
 * back after another gets a new one. So a client whose `previousResultId` is the current one holds exactly the
 * current diagnostics, whatever order pulls were answered in.
 */
export class DiagnosticReports {
  private readonly last = new Map<string, LastReport>();
  /** Ids of an earlier server process never match ours (a client might keep them across a restart). */
  private readonly processId = randomBytes(4).toString('hex');
  private issued = 0;

  /** True when `previousResultId` names this version's report, already answered: no analysis needed. */
  answeredFor(uri: string, version: number, environment: string, previousResultId: string | undefined): boolean {
    const last = this.last.get(uri);
    // The version last: while typing only it differs, so typing's optimised code has run every comparison (issue #13).
    return last !== undefined && last.resultId === previousResultId && last.environment === environment && last.version === version;
  }

  /** Records the report of `version` and returns its result id: the last report's when `items` are identical to it. */
  record(uri: string, version: number, environment: string, items: readonly Diagnostic[]): string {
    const last = this.last.get(uri);
    const same = last !== undefined && last.environment === environment && sameDiagnostics(last.items, items);
    const resultId = same ? last.resultId : `${environment}:${this.processId}.${++this.issued}`;
    this.last.set(uri, { version, environment, resultId, items: same ? last.items : items });
    return resultId;
  }

  /** The diagnostics of the document's last full report (none before one). */
  lastItems(uri: string): readonly Diagnostic[] {
    return this.last.get(uri)?.items ?? NONE;
  }

  /** On close: the client forgets the document's diagnostics, and so do we. */
  forget(uri: string): void {
    this.last.delete(uri);
  }

  /** How many documents have a report kept (tests check that closing drops it). */
  get size(): number {
    return this.last.size;
  }
}

const NONE: readonly Diagnostic[] = [];

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameDiagnostic(a[i], b[i])) return false;
  return true;
}

/**
 * Every field of an LSP 3.17 diagnostic, the range first (what a keystroke changes most). Data, rule docs and
 * messages of kept findings are the same objects as in the last report (toDiagnostic.ts), so most compare at once.
 */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character
    && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character
    && a.severity === b.severity && a.code === b.code && a.source === b.source && sameJson(a.message, b.message)
    && sameJson(a.codeDescription, b.codeDescription) && sameJson(a.tags, b.tags) && sameJson(a.relatedInformation, b.relatedInformation)
    && sameJson(a.data, b.data);
}
