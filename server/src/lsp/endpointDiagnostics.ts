// Endpoint validation as diagnostics: after an explicit connect, the endpoint names of settings files and code are
// checked against what it discovered (kept for the session in EndpointInventoryStore). No connect, no diagnostics,
// and never a network call from here.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { endpointReferencesOf } from '../endpoints/endpointReferencesOf';
import { ENDPOINT_VALIDATION_RULE, type EndpointInventory, validateEndpointReferences } from '../engine/endpoints/endpointValidation';
import { ruleDocUrl } from '../engine/rules';
import type { EngineSettings, Severity } from '../engine/types';
import { DIAGNOSTIC_SOURCE } from '../../../shared/protocol';
import { toLspRange } from './offsets';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

/** The discovery of the last successful connect of this session. */
export class EndpointInventoryStore {
  private inventory: EndpointInventory | undefined;

  get current(): EndpointInventory | undefined {
    return this.inventory;
  }

  set(inventory: EndpointInventory): void {
    this.inventory = inventory;
  }
}

export function endpointDiagnostics(document: TextDocument, settings: EngineSettings, inventory: EndpointInventory | undefined): Diagnostic[] {
  const severity = settings.rules[ENDPOINT_VALIDATION_RULE] ?? 'warning';
  if (!inventory || severity === 'off') return [];
  const references = endpointReferencesOf(document.getText(), document.uri, document.languageId);
  if (references.length === 0) return [];
  return validateEndpointReferences(references, inventory, settings.endpoints).map((problem) => ({
    range: toLspRange(document, problem.range),
    severity: SEVERITY[severity],
    source: DIAGNOSTIC_SOURCE,
    code: ENDPOINT_VALIDATION_RULE,
    codeDescription: { href: ruleDocUrl(ENDPOINT_VALIDATION_RULE) },
    message: problem.message,
    // No ruleId in data: not an engine finding, so the quick-fix machinery leaves it alone.
    data: { endpointProblem: problem.code, endpointName: problem.endpointName },
  }));
}
