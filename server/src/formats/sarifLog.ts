import * as l10n from '@vscode/l10n';
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import { allRules, ruleDocUrl } from '../engine/rules';
import type { Severity } from '../engine/types';
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './toolInfo';
import type { CliFinding } from './cliFinding';
import type { FileMessage } from './jsonReport';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Result locations are relative to this base (GitHub code scanning's convention), so the log is portable. */
export const SOURCE_ROOT_ID = '%SRCROOT%';

export interface SarifInput {
  findings: readonly CliFinding[];
  skipped: readonly FileMessage[];
  notices: readonly FileMessage[];
  targetRegion: string;
  cwd: string;
}

const LEVEL_BY_SEVERITY: Record<Severity, Sarif.ReportingConfiguration.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** A SARIF 2.1.0 log with one run; every rule is listed so viewers can show help for any result. */
export function buildSarifLog(input: SarifInput): Sarif.Log {
  const rules = allRules();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: TOOL_NAME,
          version: TOOL_VERSION,
          semanticVersion: TOOL_VERSION,
          informationUri: TOOL_INFORMATION_URI,
          rules: rules.map((rule): Sarif.ReportingDescriptor => {
            const help = l10n.t('{0}. SageMaker equivalent: {1}', rule.title(), rule.equivalent());
            return {
              id: rule.id,
              shortDescription: { text: rule.title() },
              fullDescription: { text: help },
              help: { text: help },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: LEVEL_BY_SEVERITY[rule.defaultSeverity] },
              properties: { category: rule.category },
            };
          }),
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: folderUri(input.cwd) } },
      // Our columns count UTF-16 code units, like VS Code; say so rather than rely on the default.
      columnKind: 'utf16CodeUnits',
      results: input.findings.map((finding) => toResult(finding, ruleIndex.get(finding.ruleId) ?? -1)),
      invocations: [{
        executionSuccessful: true,
        toolExecutionNotifications: [
          ...input.skipped.map((file) => toNotification(file, 'warning')),
          ...input.notices.map((file) => toNotification(file, 'note')),
        ],
      }],
      properties: { targetRegion: input.targetRegion },
    }],
  };
}

function toResult(finding: CliFinding, ruleIndex: number): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL_BY_SEVERITY[finding.severity],
    message: { text: finding.message },
    locations: [{
      physicalLocation: {
        artifactLocation: artifact(finding.file),
        region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
      },
    }],
    properties: { category: finding.category, equivalent: finding.equivalent, fixable: finding.fixable },
  };
}

function toNotification(file: FileMessage, level: Sarif.Notification.level): Sarif.Notification {
  return {
    level,
    message: { text: file.message },
    descriptor: { id: file.reason },
    locations: [{ physicalLocation: { artifactLocation: artifact(file.file) } }],
  };
}

/** A relative URI reference: each path segment percent-encoded, `/` kept. */
function artifact(relativePath: string): Sarif.ArtifactLocation {
  return { uri: relativePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT_ID };
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
