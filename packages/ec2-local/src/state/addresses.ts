// IPv4 arithmetic for subnets and the pools ec2-local hands addresses from: private addresses from the
// subnet (the first four are reserved, as in AWS), public ones from the documentation ranges
// (198.51.100.0/24, 203.0.113.0/24, 192.0.2.0/24) so nobody mistakes them for real hosts.

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export function parseCidr(cidr: string): { base: number; prefix: number; size: number } {
  const [ip = '', bits = ''] = cidr.split('/');
  const prefix = Number(bits);
  return { base: ipToInt(ip), prefix, size: 2 ** (32 - prefix) };
}

/** The `index`-th usable host of a subnet (index 0 is the fifth address). */
export function subnetHost(cidr: string, index: number): string {
  const { base, size } = parseCidr(cidr);
  if (index + 5 >= size) throw new RangeError(`subnet ${cidr} is full`);
  return intToIp(base + 4 + index);
}

/** Usable addresses of a subnet: its size minus the five AWS reserves. */
export function usableAddresses(cidr: string): number {
  return parseCidr(cidr).size - 5;
}

const PUBLIC_RANGES = ['198.51.100', '203.0.113', '192.0.2'];

/** The `n`-th public address of the documentation pool (wraps after 762). */
export function publicAddress(n: number): string {
  const slot = n % (PUBLIC_RANGES.length * 254);
  return `${PUBLIC_RANGES[Math.floor(slot / 254)]}.${(slot % 254) + 1}`;
}

export const CIDR_V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export function isCidrV4(text: string): boolean {
  const match = CIDR_V4.exec(text);
  if (!match) return false;
  const parts = match.slice(1, 5).map(Number);
  return parts.every((p) => p <= 255) && Number(match[5]) <= 32;
}

export function isCidrV6(text: string): boolean {
  const [address = '', bits = ''] = text.split('/');
  return (
    /^[0-9a-fA-F:]+$/.test(address) && address.includes(':') && /^\d{1,3}$/.test(bits) && Number(bits) <= 128
  );
}
