import type { DocumentAnalyzer } from './documentAnalyzer';
import type { DocumentSettingsCache } from './documentSettings';
import { type ErrorLog, logError } from './errors';
import { applyLocale } from './locale';

export interface EnvironmentDependencies {
  settings: DocumentSettingsCache;
  analyzer: DocumentAnalyzer;
  log: ErrorLog;
  displayLanguage: string | undefined;
  /** Reads the global `bedrockToSagemaker.language` setting (undefined when the client cannot tell). */
  readLanguageSetting(): Promise<unknown>;
  /** Asks the client to re-pull diagnostics for every open document. */
  refreshDiagnostics(): Promise<void>;
}

/**
 * Reacts to changes outside any one document (settings, workspace folders): forget everything derived
 * from the old environment, then ask the client to pull again. The generation number lets diagnostics
 * result ids tell "same document, new environment" apart.
 */
export class Environment {
  private current = 0;

  constructor(private readonly deps: EnvironmentDependencies) {}

  get generation(): number {
    return this.current;
  }

  async configurationChanged(): Promise<void> {
    this.invalidate();
    try {
      applyLocale(await this.deps.readLanguageSetting(), this.deps.displayLanguage);
    } catch (error) {
      logError(this.deps.log, 'reading bedrockToSagemaker.language', error);
    }
    await this.refresh();
  }

  async workspaceFoldersChanged(): Promise<void> {
    this.invalidate();
    await this.refresh();
  }

  /**
   * Something inside the server that analysis depends on changed (e.g. a grammar finished loading). Use this
   * rather than clearing caches directly: without a new generation, re-pulls would be answered "unchanged".
   */
  async engineChanged(): Promise<void> {
    this.invalidate();
    await this.refresh();
  }

  private invalidate(): void {
    this.current++;
    this.deps.settings.clear();
    this.deps.analyzer.clear();
  }

  private async refresh(): Promise<void> {
    try {
      await this.deps.refreshDiagnostics();
    } catch (error) {
      logError(this.deps.log, 'diagnostics refresh', error);
    }
  }
}
