import { DEFAULT_SETTINGS, normalizeSettings } from '../engine/settings';
import type { EngineSettings } from '../engine/types';
import { CONFIG_SECTION, DEFAULT_MAX_FILE_SIZE_KB } from '../../../shared/protocol';

/** Everything the server needs to analyse one document, resolved for that document's folder. */
export interface DocumentSettings {
  engine: EngineSettings;
  maxFileSizeKb: number;
  /** Identifies these values in cache keys: equal keys mean equal analysis results. */
  key: string;
}

/** Asks the client for a configuration section, scoped to a resource (undefined: the global value). */
export type ConfigurationSource = (scopeUri: string | undefined, section: string) => Promise<unknown>;

export const DEFAULT_DOCUMENT_SETTINGS: DocumentSettings = fromRaw(undefined);

/**
 * Per-resource settings, never global: one pending `workspace/configuration` Promise per document URI, so
 * concurrent requests for a document share one round trip. Cleared on configuration change and on close.
 */
export class DocumentSettingsCache {
  private readonly byUri = new Map<string, Promise<DocumentSettings>>();
  /** The value of each promise in `byUri` that has settled, for as long as that promise is the one kept. */
  private readonly values = new Map<string, DocumentSettings>();

  constructor(private readonly source: ConfigurationSource | undefined, private readonly onError: (error: unknown) => void) {}

  get(uri: string): Promise<DocumentSettings> {
    let settings = this.byUri.get(uri);
    if (!settings) {
      const fetched = this.fetch(uri);
      settings = fetched;
      this.byUri.set(uri, fetched);
      void fetched.then((value) => {
        if (this.byUri.get(uri) === fetched) this.values.set(uri, value); // not if cleared, or failed, meanwhile
      });
    }
    return settings;
  }

  /** What `get` would resolve to, when it is known already: a pull per keystroke then need not await it (issue #13). */
  settled(uri: string): DocumentSettings | undefined {
    return this.values.get(uri);
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
    this.values.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.values.clear();
  }

  private async fetch(uri: string): Promise<DocumentSettings> {
    if (!this.source) return DEFAULT_DOCUMENT_SETTINGS; // the client cannot answer workspace/configuration
    try {
      return fromRaw(await this.source(uri, CONFIG_SECTION));
    } catch (error) {
      // Forget the failed Promise so the next request asks again instead of reusing the failure.
      this.byUri.delete(uri);
      this.onError(error);
      return DEFAULT_DOCUMENT_SETTINGS;
    }
  }
}

/** Merges the client's reply (possibly null or half-filled) over the defaults. */
export function fromRaw(raw: unknown): DocumentSettings {
  const engine = normalizeSettings(raw ?? DEFAULT_SETTINGS);
  const maxFileSizeKb = readMaxFileSizeKb(raw);
  return { engine, maxFileSizeKb, key: JSON.stringify([engine, maxFileSizeKb]) };
}

function readMaxFileSizeKb(raw: unknown): number {
  const value = raw && typeof raw === 'object' ? (raw as { maxFileSizeKb?: unknown }).maxFileSizeKb : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_MAX_FILE_SIZE_KB;
}
