// Settings every workload shares: fixed fake credentials and region, and the JSON argument the
// harness passes (`node <workload> '<json>'`). No workload ever talks to anything but loopback.

export const REGION = 'us-east-1';
// Not frozen: the v3 SDK writes a `$source` marker onto the credentials object it is given.
export const CREDENTIALS = {
  accessKeyId: 'AKIDBENCHMARK0000000',
  secretAccessKey: 'bench/secret/key/not/a/real/one/000000000',
};

/** The harness's JSON argument: `{ endpoint, mode, calls, warmup, concurrency, expect }`. */
export function workloadArgs() {
  const raw = process.argv[2];
  return raw ? JSON.parse(raw) : {};
}

/** Instances in a DescribeInstances output (the same walk for boto-ts and the v3 SDK). */
export function countInstances(output) {
  let count = 0;
  for (const reservation of output.Reservations ?? []) count += (reservation.Instances ?? []).length;
  return count;
}
