// Public AWS Regions (aws, aws-cn, aws-us-gov partitions and the European Sovereign Cloud) as of late 2026.
const KNOWN_REGIONS = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3',
  'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ca-central-1', 'ca-west-1', 'eu-central-1',
  'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'il-central-1',
  'me-south-1', 'me-central-1', 'mx-central-1', 'sa-east-1', 'us-gov-west-1', 'us-gov-east-1', 'eusc-de-east-1',
  'cn-north-1', 'cn-northwest-1',
]);

const REGION_FORMAT = /^[a-z]{2,4}(?:-gov|-iso[a-z]?)?-[a-z]+-\d+$/;

export const CHINA_REGION = /^cn-[a-z]+-\d+$/;

export type RegionCheck = 'known' | 'unknown' | 'malformed';

export function checkRegion(value: string): RegionCheck {
  if (KNOWN_REGIONS.has(value)) return 'known';
  return REGION_FORMAT.test(value) ? 'unknown' : 'malformed';
}

export function isChinaRegion(value: unknown): value is string {
  return typeof value === 'string' && KNOWN_REGIONS.has(value) && CHINA_REGION.test(value);
}

/** A China region a person meant by name: `Beijing`, `北京` → cn-north-1; `Ningxia`, `宁夏` → cn-northwest-1. */
export function chinaRegionNamed(value: string): string | undefined {
  if (/beijing|北京|cn-north(?!west)/i.test(value)) return 'cn-north-1';
  if (/ningxia|宁夏|cn-northwest/i.test(value)) return 'cn-northwest-1';
  return undefined;
}
