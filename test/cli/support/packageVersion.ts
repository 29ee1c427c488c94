import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './cliBuild';

/** The version the CLI must report: the one in package.json. */
export const PACKAGE_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
