import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import {
  type CancellationToken, type Diagnostic, DiagnosticSeverity, type DocumentDiagnosticParams, type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind, ResponseError,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { currentLocale } from '../engine/l10n';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import type { DocumentAnalyzer } from './documentAnalyzer';
import type { DocumentSettingsCache } from './documentSettings';
import { cancelledError, type ErrorLog, logError } from './errors';
import { validateTextDocument } from './validateParams';
import { toDiagnostics } from './toDiagnostic';
import type { DocumentStore } from './documentStore';
import type { HeldBackDocuments } from './heldBackDocuments';
import type { DiagnosticReports } from './diagnosticReports';
import { holdBack } from '../engine/project/migrationGroups';
import type { EngineSettings } from '../engine/types';

export interface DiagnosticsDependencies {
  documents: DocumentStore;
  settings: DocumentSettingsCache;
  analyzer: DocumentAnalyzer;
  log: ErrorLog;
  /** Whether the client listens to the trace (`bedrockToSagemaker.trace.server` not "off"): the line is built only then. */
  tracing(): boolean;
  /** Verbose timing, visible with `bedrockToSagemaker.trace.server: verbose`. */
  trace(message: string): void;
  /** Changes whenever something outside the document (settings, folders, locale) changed. */
  environmentGeneration(): number;
  /** Documents a group check found held back (their file-migration findings are then not fixable, with the reason). */
  heldBack?: HeldBackDocuments;
  /** Each open document's last report, so identical diagnostics are answered "unchanged". */
  reports: DiagnosticReports;
  /** Endpoint validation of settings files and code, from the last connect (none before one). */
  endpointDiagnostics?(document: TextDocument, settings: EngineSettings): Diagnostic[];
}

/**
 * `textDocument/diagnostic`: analyse the current version of the document, or say it is unchanged: for the same
 * version, or for a new one whose diagnostics are identical to those the client holds (most keystrokes).
 */
export function createDiagnosticsHandler(deps: DiagnosticsDependencies) {
  return async (params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    validateTextDocument(params, 'textDocument/diagnostic');
    // Read here, not in provide: a document's first pull has no previous result id, another shape of params, which
    // deoptimised provide's code at every document opened (issue #13); this small function is recompiled instead.
    const uri = params.textDocument.uri;
    const previousResultId = params.previousResultId;
    // What `guarded` does, without its three closures and its own promise per pull (issue #13: one per keystroke).
    try {
      return await provide(deps, uri, previousResultId, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      logError(deps.log, `diagnostics for ${uri}`, error);
      return fullReport([failureDiagnostic()]);
    }
  };
}

async function provide(
  deps: DiagnosticsDependencies, uri: string, previousResultId: string | undefined, token: CancellationToken,
): Promise<DocumentDiagnosticReport> {
  if (!deps.documents.get(uri)) return fullReport([]); // not synced to us: closed, or gated by the client
  // Settings known already (every keystroke but a document's first) are used without awaiting their promise again.
  const settings = deps.settings.settled(uri) ?? await deps.settings.get(uri);
  if (token.isCancellationRequested) throw cancelledError();
  // Re-read after the await: the document may have changed meanwhile, and we answer for what is current.
  const document = deps.documents.get(uri);
  if (!document) return fullReport([]);
  const held = deps.heldBack?.reasonFor(uri, document.version);
  const environment = environmentHash(document.languageId, currentLocale(), deps.environmentGeneration(), settings.key, held);
  let items = NO_ITEMS;
  let resultId = previousResultId;
  // A pull of the version the client holds needs no analysis. Both kinds of pull end at the one return below: the
  // optimised code typing made had never run a return of its own for this one, and was thrown away at the first pull
  // without edit (issue #13).
  if (!deps.reports.answeredFor(uri, document.version, environment, previousResultId)) {
    const analysis = deps.analyzer.analyze(document, settings, token);
    if (token.isCancellationRequested || analysis?.result.skipped?.reason === 'cancelled') throw cancelledError();
    const endpointProblems = deps.endpointDiagnostics?.(document, settings.engine) ?? [];
    items = endpointProblems;
    if (analysis) {
      if (deps.tracing()) deps.trace(`analysed ${uri} v${document.version} in ${analysis.elapsedMs} ms: ${analysis.result.findings.length} finding(s)`);
      const result = held === undefined ? analysis.result : { ...analysis.result, findings: holdBack(analysis.result.findings, held) };
      const diagnostics = toDiagnostics(result, document, deps.reports.lastItems(uri));
      items = endpointProblems.length === 0 ? diagnostics : [...diagnostics, ...endpointProblems];
    }
    resultId = deps.reports.record(uri, document.version, environment, items);
  }
  return previousResultId === resultId ? unchangedReport(resultId!) : fullReport(items, resultId);
}

/** The items of a report not sent (answered "unchanged"). */
const NO_ITEMS: Diagnostic[] = [];

function unchangedReport(resultId: string): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
}

function fullReport(items: Diagnostic[], resultId?: string): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, items, ...(resultId ? { resultId } : {}) };
}

/** What a report's result id depends on besides its diagnostics: the language, locale, folders, settings and held-back state. */
interface ReportEnvironment {
  languageId: string;
  locale: string;
  generation: number;
  settingsKey: string;
  held: string | undefined;
  hash: string;
}

/**
 * The last environment hashed: it changes with settings, locale or folders, not with each keystroke's pull, which
 * compares its parts to this one's without joining them into a new string (issue #13: a pull per keystroke).
 */
let lastEnvironment: ReportEnvironment | undefined;

function environmentHash(languageId: string, locale: string, generation: number, settingsKey: string, held: string | undefined): string {
  const last = lastEnvironment;
  if (last && last.languageId === languageId && last.locale === locale && last.generation === generation && last.settingsKey === settingsKey
    && last.held === held) return last.hash;
  const hash = createHash('sha1').update(`${languageId}\n${locale}\n${generation}\n${settingsKey}\n${held ?? ''}`).digest('hex').slice(0, 12);
  lastEnvironment = { languageId, locale, generation, settingsKey, held, hash };
  return hash;
}

/** Shown instead of silently dropping results when the engine throws: the details are in the output channel. */
function failureDiagnostic(): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: DIAGNOSTIC_SOURCE,
    code: 'internal-error',
    message: l10n.t('Bedrock to SageMaker could not analyse this file. See the "Bedrock to SageMaker" output channel for details.'),
  };
}
