// `pnpm bench:sign`: SigV4 signatures per second, @boto-ts/sigv4 against aws4 and
// @smithy/signature-v4, in one run, interleaved. Every signer signs the same 214-byte form POST
// with fixed credentials and date, building a new request object per signature; before timing, the
// three Authorization headers are checked to be identical, so all three do the same work.
// `measureSigning()` is what the main benchmark (`pnpm bench`) imports for its figure.

import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { signRequest } from '@boto-ts/sigv4';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import aws4 from 'aws4';
import { Bench } from 'tinybench';

const HOST = 'ec2.us-east-1.amazonaws.com';
const FORM =
  'Action=DescribeInstances&Version=2016-11-15&Filter.1.Name=instance-state-name&Filter.1.Value.1=running&Filter.2.Name=tag%3Aenv&Filter.2.Value.1=prod&MaxResults=1000&NextToken=';
/** The 214-byte EC2 form body every signer signs. */
export const SIGN_BODY = FORM + 'x'.repeat(214 - FORM.length);
const CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';
const CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const SIGNING_DATE = new Date('2015-08-30T12:36:00Z');
const AMZ_DATE = '20150830T123600Z';

/** The goals of issue 2: an absolute rate on this machine and two ratios against the peers. */
export const GOALS = { perSecond: 160_000, vsAws4: 1.2, vsSmithy: 3 } as const;

/** Signatures per call of a task, so the timer's own cost is spread over many signatures. */
const BATCH = 64;

function signOurs(): string {
  const signed = signRequest(
    {
      method: 'POST',
      url: `https://${HOST}/`,
      headers: { 'content-type': CONTENT_TYPE, 'content-length': '214' },
      body: SIGN_BODY,
    },
    { credentials: CREDENTIALS, region: 'us-east-1', service: 'ec2', signingDate: SIGNING_DATE },
  );
  return signed.headers['authorization']!;
}

function signAws4(): string {
  // aws4 adds Content-Length itself and reads the date from X-Amz-Date.
  const signed = aws4.sign(
    {
      host: HOST,
      path: '/',
      method: 'POST',
      service: 'ec2',
      region: 'us-east-1',
      headers: { 'Content-Type': CONTENT_TYPE, 'X-Amz-Date': AMZ_DATE },
      body: SIGN_BODY,
    },
    CREDENTIALS,
  );
  return String(signed.headers?.['Authorization']);
}

// applyChecksum: false so smithy signs the same headers as the other two (no x-amz-content-sha256).
const smithy = new SignatureV4({
  credentials: CREDENTIALS,
  region: 'us-east-1',
  service: 'ec2',
  sha256: Hash.bind(null, 'sha256'),
  applyChecksum: false,
});

async function signSmithy(): Promise<string> {
  const signed = await smithy.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'https:',
      hostname: HOST,
      path: '/',
      headers: { host: HOST, 'content-type': CONTENT_TYPE, 'content-length': '214' },
      body: SIGN_BODY,
    }),
    { signingDate: SIGNING_DATE },
  );
  return String(signed.headers['authorization']);
}

/** Throws unless the three signers produce the same Authorization header for the request. */
export async function checkSameSignature(): Promise<string> {
  const ours = signOurs();
  const theirs = { aws4: signAws4(), smithy: await signSmithy() };
  for (const [name, value] of Object.entries(theirs)) {
    if (value !== ours) throw new Error(`${name} signs differently:\n  ours:   ${ours}\n  ${name}: ${value}`);
  }
  return ours;
}

export interface SignerRate {
  /** Median signatures per second over the rounds. */
  readonly perSecond: number;
  /** Fastest round: what the machine does when nothing else competes for it. */
  readonly best: number;
  /** One rate per round. */
  readonly samples: readonly number[];
}

export interface SigningMeasurement {
  readonly 'boto-ts': SignerRate;
  readonly aws4: SignerRate;
  readonly smithy: SignerRate;
  /**
   * boto-ts / peer: the median over rounds of each round's ratio (the three run back to back in a
   * round, so a load change on a shared machine hits them alike).
   */
  readonly ratio: { readonly vsAws4: number; readonly vsSmithy: number };
  readonly goals: { readonly perSecond: boolean; readonly vsAws4: boolean; readonly vsSmithy: boolean };
  readonly clock: BenchClock;
}

/**
 * Which clock times the signatures. `cpu` (default): this process's CPU time, so time spent
 * waiting for a core that other processes hold is not counted: on a shared machine it reads what
 * an idle one would (GC threads count, so it is if anything a little low). `wall`: elapsed time.
 */
export type BenchClock = 'cpu' | 'wall';

/** Milliseconds of CPU time this process has used (user + system, all threads). */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export interface MeasureOptions {
  /** `cpu` (default) or `wall`; see BenchClock. */
  readonly clock?: BenchClock;
  /** Milliseconds each signer runs per round (default 500; `durationMs` is an alias). */
  readonly time?: number;
  readonly durationMs?: number;
  /** Rounds; the order of the signers rotates each round (default 9). */
  readonly rounds?: number;
  /** A smoke test: 2 rounds of 100 ms. */
  readonly quick?: boolean;
}

const TASKS = {
  'boto-ts': () => {
    for (let i = 0; i < BATCH; i++) signOurs();
  },
  aws4: () => {
    for (let i = 0; i < BATCH; i++) signAws4();
  },
  smithy: async () => {
    for (let i = 0; i < BATCH; i++) await signSmithy();
  },
} as const;
type SignerName = keyof typeof TASKS;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Measures the three signers in `rounds` rounds, each signer `time` ms per round, rotating which
 * goes first, and returns the median rate of each with the ratios and whether each goal is met.
 */
export async function measureSigning(options: MeasureOptions = {}): Promise<SigningMeasurement> {
  const time = options.quick ? 100 : (options.time ?? options.durationMs ?? 500);
  const rounds = options.quick ? 2 : (options.rounds ?? 9);
  const clock = options.clock ?? 'cpu';
  await checkSameSignature();
  const names = Object.keys(TASKS) as SignerName[];
  const samples: Record<SignerName, number[]> = { 'boto-ts': [], aws4: [], smithy: [] };
  for (let round = 0; round < rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    const bench = new Bench({
      time,
      warmupTime: Math.min(200, time / 2),
      throws: true,
      ...(clock === 'cpu' ? { now: cpuNow } : {}),
    });
    for (const name of order) bench.add(name, TASKS[name]);
    await bench.run();
    for (const task of bench.tasks) {
      const result = task.result;
      if (result.state !== 'completed') throw new Error(`${task.name} did not complete: ${result.state}`);
      samples[task.name as SignerName].push((BATCH * 1000) / result.latency.mean);
    }
  }
  const rate = (name: SignerName): SignerRate => ({
    perSecond: median(samples[name]),
    best: Math.max(...samples[name]),
    samples: samples[name],
  });
  const roundRatio = (peer: SignerName) =>
    median(samples['boto-ts'].map((ours, i) => ours / samples[peer][i]!));
  const ours = rate('boto-ts');
  const ratio = { vsAws4: roundRatio('aws4'), vsSmithy: roundRatio('smithy') };
  return {
    'boto-ts': ours,
    aws4: rate('aws4'),
    smithy: rate('smithy'),
    ratio,
    clock,
    goals: {
      perSecond: ours.perSecond >= GOALS.perSecond,
      vsAws4: ratio.vsAws4 >= GOALS.vsAws4,
      vsSmithy: ratio.vsSmithy >= GOALS.vsSmithy,
    },
  };
}

function format(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const clock: BenchClock = process.argv.includes('--wall') ? 'wall' : 'cpu';
  console.log(
    'SigV4 signatures/s: 214-byte form POST, fixed credentials and date, a new request per signature',
  );
  const plan = quick ? 'quick run' : '9 rounds x 0.5 s per signer, interleaved';
  console.log(
    `(node ${process.version}, ${plan}, ${clock === 'cpu' ? 'CPU time of this process (--wall for elapsed time)' : 'elapsed time'})`,
  );
  const m = await measureSigning({ quick, clock });
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  for (const name of ['boto-ts', 'aws4', 'smithy'] as const) {
    const r = m[name];
    console.log(
      `  ${name.padEnd(8)} ${format(r.perSecond).padStart(9)}/s median, ${format(r.best).padStart(9)}/s best round`,
    );
  }
  console.log(`  boto-ts >= ${format(GOALS.perSecond)}/s (median): ${verdict(m.goals.perSecond)}`);
  console.log(
    `  ours/aws4   = ${m.ratio.vsAws4.toFixed(2)}x (goal >= ${GOALS.vsAws4}x): ${verdict(m.goals.vsAws4)}`,
  );
  console.log(
    `  ours/smithy = ${m.ratio.vsSmithy.toFixed(2)}x (goal >= ${GOALS.vsSmithy}x): ${verdict(m.goals.vsSmithy)}`,
  );
  const load = loadavg()[0]!;
  if (load > cpus().length) {
    console.log(
      `  note: load average ${load.toFixed(1)} on ${cpus().length} CPUs (other processes were busy)`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
