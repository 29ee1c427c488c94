// The named profiles of the AWS shared config and credentials files (~/.aws/config, ~/.aws/credentials, or
// AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), for the profile pick of "Connect to SageMaker Endpoints…" and the
// CLI's --profile check. Only section names and `region` are read: never a key, never a secret.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AwsProfile {
  name: string;
  /** `region` of the profile in the config file, when set. */
  region?: string;
}

/** Profiles of the two files' texts; the config file names them `[profile x]` (and `[default]`), credentials `[x]`. */
export function parseAwsProfiles(configText: string, credentialsText: string): AwsProfile[] {
  const profiles = new Map<string, AwsProfile>();
  const visit = (text: string, isConfig: boolean) => {
    let current: AwsProfile | undefined;
    for (const rawLine of text.split(/\r?\n/)) {
      const line = rawLine.trim();
      if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
      const section = /^\[\s*([^\]]+?)\s*\]/.exec(line);
      if (section) {
        const name = profileName(section[1]!, isConfig);
        current = name === undefined ? undefined : profiles.get(name) ?? { name };
        if (current) profiles.set(current.name, current);
        continue;
      }
      const setting = /^region\s*=\s*([\w-]+)/.exec(line);
      if (setting && current && isConfig) current.region = setting[1];
    }
  };
  visit(configText, true);
  visit(credentialsText, false);
  return [...profiles.values()].sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

function profileName(header: string, isConfig: boolean): string | undefined {
  if (!isConfig) return header;
  if (header === 'default') return 'default';
  const match = /^profile\s+(.+)$/.exec(header);
  // `[sso-session x]`, `[services x]` and other sections are not profiles.
  return match ? match[1]!.trim() : undefined;
}

/** Reads the files where the SDK reads them; a missing or unreadable file has no profiles. */
export function readAwsProfiles(env: NodeJS.ProcessEnv = process.env): AwsProfile[] {
  const home = env.HOME || env.USERPROFILE || homedir();
  const read = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  };
  return parseAwsProfiles(read(env.AWS_CONFIG_FILE || join(home, '.aws', 'config')), read(env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')));
}
