import type { CancellationToken } from 'vscode-languageserver';
import { ruleDocUrl } from '../engine/rules';
import type { FindingDto, FindingsParams, FindingsResult } from '../../../shared/protocol';
import type { DocumentAnalyzer } from './documentAnalyzer';
import type { DocumentSettingsCache } from './documentSettings';
import { cancelledError, type ErrorLog, guarded } from './errors';
import { toLspRange } from './offsets';
import type { DocumentStore } from './documentStore';
import { validateFindingsParams } from './validateParams';

export interface FindingsDependencies {
  documents: DocumentStore;
  settings: DocumentSettingsCache;
  analyzer: DocumentAnalyzer;
  log: ErrorLog;
}

/** `bedrockToSagemaker/findings`: the engine's findings for an open document; null when it is not open. */
export function createFindingsHandler(deps: FindingsDependencies) {
  return async (params: FindingsParams, token: CancellationToken): Promise<FindingsResult | null> => {
    validateFindingsParams(params);
    return guarded(deps.log, `findings for ${params.uri}`, () => null, () => provide(deps, params, token));
  };
}

async function provide(deps: FindingsDependencies, params: FindingsParams, token: CancellationToken): Promise<FindingsResult | null> {
  if (typeof params?.uri !== 'string' || !deps.documents.get(params.uri)) return null;
  const settings = await deps.settings.get(params.uri);
  if (token.isCancellationRequested) throw cancelledError();
  const document = deps.documents.get(params.uri);
  const analysis = document && deps.analyzer.analyze(document, settings, token);
  if (!document || !analysis) return null;
  if (analysis.result.skipped?.reason === 'cancelled') throw cancelledError();
  const findings: FindingDto[] = analysis.result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    range: toLspRange(document, finding.range),
    offsets: { ...finding.range },
    severity: finding.severity,
    category: finding.category,
    message: finding.message,
    equivalent: finding.equivalent,
    fixable: finding.fixable,
    docUrl: ruleDocUrl(finding.ruleId),
    data: { ...finding.data },
  }));
  return { uri: document.uri, version: analysis.version, findings, ...(analysis.result.skipped ? { skipped: analysis.result.skipped } : {}) };
}
