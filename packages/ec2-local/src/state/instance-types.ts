// The instance types RunInstances accepts and the CPU architecture of each: enough to reject a typo
// and an arm64 type on an x86_64 image, as EC2 does. Not the full catalogue.

const SIZES = ['nano', 'micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];
const BIG_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];

const X86_BURST = ['t2', 't3', 't3a'];
const ARM_BURST = ['t4g'];
const X86_FIXED = ['m5', 'm5a', 'm6i', 'm6a', 'm7i', 'm7a', 'c5', 'c6i', 'c6a', 'c7i', 'r5', 'r6i', 'r7i'];
const ARM_FIXED = ['m6g', 'm7g', 'm8g', 'c6g', 'c7g', 'c8g', 'r6g', 'r7g', 'r8g'];

function build(): Map<string, 'x86_64' | 'arm64'> {
  const table = new Map<string, 'x86_64' | 'arm64'>([
    ['t1.micro', 'x86_64'],
    ['m1.small', 'x86_64'],
    ['m1.medium', 'x86_64'],
    ['m3.medium', 'x86_64'],
    ['a1.medium', 'arm64'],
    ['a1.large', 'arm64'],
  ]);
  for (const family of X86_BURST) for (const size of SIZES) table.set(`${family}.${size}`, 'x86_64');
  for (const family of ARM_BURST) for (const size of SIZES) table.set(`${family}.${size}`, 'arm64');
  for (const family of X86_FIXED) for (const size of BIG_SIZES) table.set(`${family}.${size}`, 'x86_64');
  for (const family of ARM_FIXED)
    for (const size of [...BIG_SIZES, 'medium']) table.set(`${family}.${size}`, 'arm64');
  return table;
}

const TYPES = build();

/** EC2's default when RunInstances names no type. */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';

/** The architecture of `instanceType`, or undefined when ec2-local does not know the type. */
export function architectureOf(instanceType: string): 'x86_64' | 'arm64' | undefined {
  return TYPES.get(instanceType);
}
