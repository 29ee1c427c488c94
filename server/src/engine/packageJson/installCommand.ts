import * as l10n from '@vscode/l10n';

// Lockfiles are never edited: after a dependency change the user runs the package manager that owns them.

const LOCKFILES: ReadonlyArray<{ file: string; command: string }> = [
  { file: 'pnpm-lock.yaml', command: 'pnpm install' },
  { file: 'yarn.lock', command: 'yarn install' },
  { file: 'package-lock.json', command: 'npm install' },
  { file: 'npm-shrinkwrap.json', command: 'npm install' },
];

function lockfileOf(lockfileNames: readonly string[]): { file: string; command: string } | undefined {
  const present = new Set(lockfileNames.map((name) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)));
  return LOCKFILES.find((lockfile) => present.has(lockfile.file));
}

/** The install to run after a package.json changes: the command, and the lockfile it updates when there is one. */
export interface PackageInstall {
  command: string;
  lockfile?: string;
}

/** The install for the lockfiles that govern a package.json (names or paths); `npm install` without a lockfile. */
export function packageInstallFor(lockfileNames: readonly string[]): PackageInstall {
  const lockfile = lockfileOf(lockfileNames);
  return lockfile ? { command: lockfile.command, lockfile: lockfile.file } : { command: 'npm install' };
}

/**
 * The install command for the lockfiles beside a package.json (names or paths): `pnpm install` for
 * pnpm-lock.yaml, `yarn install` for yarn.lock, else `npm install`.
 */
export function installCommandFor(lockfileNames: readonly string[]): string {
  return packageInstallFor(lockfileNames).command;
}

/** A localized sentence that tells the user to run the install: "Run npm install to update package-lock.json." */
export function installHint(lockfileNames: readonly string[]): string {
  const lockfile = lockfileOf(lockfileNames);
  return lockfile
    ? l10n.t('Run {0} to update {1}.', lockfile.command, lockfile.file)
    : l10n.t('Run {0} to install the new dependencies.', 'npm install');
}
