"""Warm DescribeInstances loop through boto3, the Python twin of warm-driver.mjs.

serial: `calls` sequential calls after `warmup`, CPU from time.process_time, latency per call.
inflight: `calls` calls from `concurrency` threads (max_pool_connections raised to match), wall time.
Prints one JSON line.
"""

import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

args = json.loads(sys.argv[1])
concurrency = args.get("concurrency") or 1
client = boto3.client(
    "ec2",
    region_name="us-east-1",
    endpoint_url=args["endpoint"],
    aws_access_key_id="AKIDBENCHMARK0000000",
    aws_secret_access_key="bench/secret/key/not/a/real/one/000000000",
    config=Config(max_pool_connections=max(10, concurrency)),
)


def count(output):
    return sum(len(r.get("Instances", [])) for r in output.get("Reservations", []))


last = None
for _ in range(args["warmup"]):
    last = client.describe_instances()

result = {"mode": args["mode"], "calls": args["calls"]}
if args["mode"] == "serial":
    latencies = []
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    for _ in range(args["calls"]):
        t0 = time.perf_counter()
        last = client.describe_instances()
        latencies.append(round((time.perf_counter() - t0) * 1000, 3))
    result["wallMs"] = (time.perf_counter() - wall_start) * 1000
    result["cpuMs"] = (time.process_time() - cpu_start) * 1000
    result["latenciesMs"] = latencies
else:
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outputs = list(pool.map(lambda _: client.describe_instances(), range(args["calls"])))
    result["wallMs"] = (time.perf_counter() - wall_start) * 1000
    result["cpuMs"] = (time.process_time() - cpu_start) * 1000
    last = outputs[-1]

result["instances"] = None if last is None else count(last)
if args.get("expect") is not None and result["instances"] != args["expect"]:
    sys.exit(f"expected {args['expect']} instances in the last answer, got {result['instances']}")
print(json.dumps(result))
