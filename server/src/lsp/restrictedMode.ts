import * as l10n from '@vscode/l10n';

/** Why file-level migration is not offered in an untrusted workspace (shown on the disabled action). */
export function restrictedModeReason(): string {
  return l10n.t('Migration is disabled in Restricted Mode because it can create files. Trust the workspace to enable it.');
}
