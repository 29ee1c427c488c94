import * as l10n from '@vscode/l10n';
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { describeIoError } from '../workspace/ioErrors';
import { CliError } from './cliError';

/** A folder of the report: what the user named, where it is, and what to walk inside it. */
export interface ReportRoot {
  /** Shown in the report (multi-root link texts start with it). */
  name: string;
  /** Absolute folder; the report's paths are relative to it, so tests/ and docs/ are judged from the project. */
  root: string;
  /** Relative to `root`: '.' for a folder, or the file names given explicitly. */
  walk: string[];
}

/**
 * One report folder per path given; files given by name join their parent folder. A missing path is a usage
 * error (exit code 2), as for `scan`.
 */
export async function resolveReportRoots(paths: readonly string[], cwd: string): Promise<ReportRoot[]> {
  const roots = new Map<string, ReportRoot>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isFolder: boolean;
    try {
      isFolder = (await stat(absolute)).isDirectory();
    } catch (error) {
      throw new CliError(l10n.t('Cannot scan {0}: {1}.', path, describeIoError(error)));
    }
    const root = isFolder ? absolute : dirname(absolute);
    const entry = roots.get(root) ?? { name: displayName(isFolder ? path : dirname(path), root), root, walk: [] };
    entry.walk.push(isFolder ? '.' : basename(absolute));
    roots.set(root, entry);
  }
  return [...roots.values()];
}

function displayName(typed: string, absolute: string): string {
  const cleaned = typed.replace(/\\/g, '/').replace(/\/+$/, '');
  return cleaned === '' || cleaned === '.' ? basename(absolute) : cleaned;
}
