import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, DEFAULT_LIMITS } from '../engine/analyze';
import { currentLocale } from '../engine/l10n';
import type { AnalyzeInput, AnalyzeResult, CancellationToken } from '../engine/types';
import { engineLanguageOf } from './documentLanguage';
import type { DocumentSettings } from './documentSettings';
import { LruCache } from './lru';

/** One analysed document version: the exact engine input (fixes need it) and the engine's result. */
export interface DocumentAnalysis {
  uri: string;
  version: number;
  input: AnalyzeInput;
  result: AnalyzeResult;
  /** Wall-clock milliseconds the engine took (0 when served from the cache). */
  elapsedMs: number;
}

/**
 * Runs the engine on a document version. Results are cached by URI + version + settings + locale, so
 * diagnostics, code actions and the findings request share one analysis and a result is never reused for
 * another version or other settings.
 */
export class DocumentAnalyzer {
  private readonly cache = new LruCache<string, DocumentAnalysis>(64);

  constructor(private readonly fileNameOf: (uri: string) => string | undefined) {}

  /** Undefined when the document's language is not one we serve. */
  analyze(document: TextDocument, settings: DocumentSettings, token?: CancellationToken): DocumentAnalysis | undefined {
    const languageId = engineLanguageOf(document.languageId);
    if (!languageId) return undefined;
    const key = cacheKey(document, settings);
    const cached = this.cache.get(key);
    if (cached) return { ...cached, elapsedMs: 0 };
    const input: AnalyzeInput = {
      text: document.getText(), languageId, settings: settings.engine, fileName: this.fileNameOf(document.uri), token,
    };
    const limits = { maxLength: Math.min(DEFAULT_LIMITS.maxLength, Math.floor(settings.maxFileSizeKb * 1024)) };
    const started = Date.now();
    const result = analyze(input, limits);
    const analysis: DocumentAnalysis = {
      uri: document.uri, version: document.version, input: { ...input, token: undefined }, result, elapsedMs: Date.now() - started,
    };
    // A cancelled run is incomplete: never let it answer a later request.
    if (result.skipped?.reason !== 'cancelled') this.cache.set(key, analysis);
    return analysis;
  }

  /** Forgets every version of a document (on close). */
  forget(uri: string): void {
    this.cache.deleteWhere((key) => key.startsWith(`${uri}\n`));
  }

  clear(): void {
    this.cache.clear();
  }
}

function cacheKey(document: TextDocument, settings: DocumentSettings): string {
  return [document.uri, document.version, document.languageId, currentLocale(), settings.key].join('\n');
}
