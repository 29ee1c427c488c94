// Loads the endpoint discovery code (and with it @aws-sdk/client-sagemaker) only when a command needs it.
// Bundled, it is server/out/sagemaker-discovery.js beside the server and CLI bundles (its own esbuild entry);
// from the sources (tests run with tsx) it is ./discovery.ts. The path is computed, so esbuild never inlines it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DiscoveryModule } from './discoveryTypes';

export const DISCOVERY_BUNDLE = 'sagemaker-discovery.js';

let loaded: DiscoveryModule | undefined;

export function loadDiscovery(): DiscoveryModule {
  if (loaded) return loaded;
  const bundled = join(__dirname, DISCOVERY_BUNDLE);
  const path = existsSync(bundled) ? bundled : join(__dirname, 'discovery');
  loaded = require(path) as DiscoveryModule;
  return loaded;
}
