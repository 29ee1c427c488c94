import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, DEFAULT_LIMITS } from '../engine/analyze';
import { currentLocale } from '../engine/l10n';
import { type Refine, RefinementReuse } from '../engine/fixes/refinementReuse';
import { TextPresence } from '../engine/textPresence';
import { IncrementalScriptAnalysis } from '../engine/script/incremental/incrementalScript';
import type { AnalyzeInput, AnalyzeResult, CancellationToken, TextChangeSince } from '../engine/types';
import { engineLanguageOf } from './documentLanguage';
import type { DocumentSettings } from './documentSettings';
import { LruCache } from './lru';

/** One analysed document version: the exact engine input (fixes need it) and the engine's result. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  input: AnalyzeInput;
  result: AnalyzeResult;
  /** Wall-clock milliseconds the engine took, to 0.01 ms (0 when served from the cache). */
  elapsedMs: number;
}

export interface DocumentAnalyzerOptions {
  /** The file name the engine sees (script kind, messages). */
  fileNameOf(uri: string): string | undefined;
  /** Where the document sits in its workspace folder; fixes need it to import the adapter. */
  workspaceRelativePathOf(uri: string): string | undefined;
  /**
   * Makes `fixable` exact for this document (a rewrite that is unsafe here is not offered, and the message
   * says why), so diagnostics never promise a fix the code actions cannot deliver. It is given the editor's
   * incremental tree and the checks' verdicts kept across edits, so a keystroke re-runs only what it can change.
   */
  refineFindings?: Refine;
  /** How a document's text was made from its previous version, when the client sent the changed range (documentEdits.ts). */
  changeTo?(uri: string, text: string): TextChangeSince | undefined;
}

/**
 * Runs the engine on a document version. Results are cached by URI + version + settings + locale, so
 * diagnostics, code actions and the findings request share one analysis and a result is never reused for
 * another version or other settings; only each document's latest analysis is kept.
 */
export class DocumentAnalyzer {
  /**
   * Per document URI: its last analysis only. Requests always ask for the current version, so a new one evicts the
   * one before: keeping superseded versions (each with its full text and findings) only made every young-generation
   * collection copy them while typing (issue #13: the collections were the p99 keystrokes). Looked up by URI and its
   * key compared field by field: a pull per keystroke joined a new string key (the settings' JSON in it) and hashed it.
   */
  private readonly cache = new LruCache<string, CachedAnalysis>(64);
  /** Per open document: its tree and per-statement results, so a keystroke re-parses and re-checks only what it touched. */
  private readonly incremental = new Map<string, IncrementalScriptAnalysis>();
  /** Per open document: its last refinement, reused while an edit cannot change it. */
  private readonly refinements = new Map<string, RefinementReuse>();
  /** Per open document: which fixed strings its text contains, carried across versions (a keystroke reads only around the edit). */
  private readonly presences = new Map<string, TextPresence>();

  constructor(private readonly options: DocumentAnalyzerOptions) {}

  /** Undefined when the document's language is not one we serve. */
  analyze(document: TextDocument, settings: DocumentSettings, token?: CancellationToken): DocumentAnalysis | undefined {
    const languageId = engineLanguageOf(document.languageId, document.uri);
    if (!languageId) return undefined;
    const key: AnalysisKey = { version: document.version, languageId: document.languageId, locale: currentLocale(), settingsKey: settings.key };
    const cached = this.cache.get(document.uri);
    if (cached && sameKey(cached.key, key)) return { ...cached.analysis, elapsedMs: 0 };
    const text = document.getText();
    const presence = this.presenceFor(document.uri, text);
    const input: AnalyzeInput = { text, languageId, settings: settings.engine, fileName: this.options.fileNameOf(document.uri), token, presence };
    const limits = { maxLength: Math.min(DEFAULT_LIMITS.maxLength, Math.floor(settings.maxFileSizeKb * 1024)) };
    const started = performance.now();
    const result = this.refine(analyze(input, limits, (scriptInput) => this.incrementalFor(document.uri).analyze(scriptInput)), input, document.uri);
    presence.forgetChange(); // the analysis and refinement have read how the text changed: the previous text may go
    const analysis: DocumentAnalysis = {
      uri: document.uri, version: document.version, input: { ...input, token: undefined, presence: undefined }, result, elapsedMs: Math.round((performance.now() - started) * 100) / 100,
    };
    // A cancelled run is incomplete: never let it answer a later request.
    if (result.skipped?.reason !== 'cancelled') this.cache.set(document.uri, { key, analysis });
    return analysis;
  }

  private refine(result: AnalyzeResult, input: AnalyzeInput, uri: string): AnalyzeResult {
    const refineFindings = this.options.refineFindings;
    if (!refineFindings || result.skipped || result.findings.length === 0) return result;
    const fixInput = { ...input, workspaceRelativePath: this.options.workspaceRelativePathOf(uri) };
    // Refining runs every check (several parses); a keystroke that cannot change its result reuses the last one.
    let reuse = this.refinements.get(uri);
    if (!reuse) {
      reuse = new RefinementReuse();
      this.refinements.set(uri, reuse);
    }
    // The tree as the last keystroke left it: the refinement settles its positions only if a check runs again.
    const lazy = this.incremental.get(uri)?.lazyTree;
    return { ...result, findings: reuse.refine(fixInput, result.findings, lazy?.tree, refineFindings, lazy?.settle, lazy?.referencesOf) };
  }

  private presenceFor(uri: string, text: string): TextPresence {
    let presence = this.presences.get(uri);
    if (!presence) {
      presence = new TextPresence();
      this.presences.set(uri, presence);
    }
    presence.update(text, this.options.changeTo?.(uri, text));
    return presence;
  }

  private incrementalFor(uri: string): IncrementalScriptAnalysis {
    let analysis = this.incremental.get(uri);
    if (!analysis) {
      analysis = new IncrementalScriptAnalysis();
      this.incremental.set(uri, analysis);
    }
    return analysis;
  }

  /** The versions of a document whose analysis is cached (tests: superseded versions are not kept). */
  cachedVersions(uri: string): number[] {
    return this.cache.values().filter(({ analysis }) => analysis.uri === uri).map(({ analysis }) => analysis.version);
  }

  /** Forgets every version of a document (on close). */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.incremental.delete(uri);
    this.refinements.delete(uri);
    this.presences.delete(uri);
  }

  /**
   * Drops every cached result (the environment changed: settings, folders, the engine). Each open document keeps its
   * tree and kept verdicts: both check what they were made for (text, file name, settings, locale) and start afresh
   * when that changed, so an environment event that changes nothing for a document (the Python grammar finishing
   * loading, a setting of another folder) does not re-parse it from scratch (issue #13).
   */
  clear(): void {
    this.cache.clear();
  }
}

/** What an analysis of a document was made for: equal keys mean equal results. */
interface AnalysisKey {
  version: number;
  languageId: string;
  locale: string;
  /** DocumentSettings.key: the same settings object's key on every pull until the settings change. */
  settingsKey: string;
}

interface CachedAnalysis {
  key: AnalysisKey;
  analysis: DocumentAnalysis;
}

function sameKey(a: AnalysisKey, b: AnalysisKey): boolean {
  return a.version === b.version && a.languageId === b.languageId && a.locale === b.locale && a.settingsKey === b.settingsKey;
}
