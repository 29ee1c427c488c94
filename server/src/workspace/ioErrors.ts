import * as l10n from '@vscode/l10n';

/** A short, human explanation of a file-system error, without the stack or the raw errno. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return l10n.t('permission denied');
    case 'ENOENT':
      return l10n.t('no such file or folder');
    case 'ELOOP':
      return l10n.t('too many levels of symbolic links');
    case 'EMFILE':
    case 'ENFILE':
      return l10n.t('too many open files');
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
