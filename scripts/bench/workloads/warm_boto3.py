"""Warm DescribeInstances loop through boto3, the Python twin of warm-driver.mjs.

serial: sequential calls after `warmup`, CPU from time.process_time, latency per call.
inflight: calls from `concurrency` threads (max_pool_connections raised to match), wall time.
Either stops after `calls` calls, or once `budgetMs` has passed and `minCalls` are done.
Prints one JSON line.
"""

import json
import sys
import threading
import time

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

min_calls = args.get("minCalls", args["calls"])
budget = args.get("budgetMs")
deadline = None if budget is None else time.perf_counter() + budget / 1000


def more(done):
    return done < args["calls"] and (done < min_calls or deadline is None or time.perf_counter() < deadline)


result = {"mode": args["mode"]}
cpu_start = time.process_time()
wall_start = time.perf_counter()
if args["mode"] == "serial":
    latencies = []
    while more(len(latencies)):
        t0 = time.perf_counter()
        last = client.describe_instances()
        latencies.append(round((time.perf_counter() - t0) * 1000, 3))
    result["calls"] = len(latencies)
    result["latenciesMs"] = latencies
else:
    lock = threading.Lock()
    counts = {"started": 0, "completed": 0}
    outputs = []

    def worker():
        while True:
            with lock:
                if not more(counts["started"]):
                    return
                counts["started"] += 1
            output = client.describe_instances()
            with lock:
                counts["completed"] += 1
                outputs[:] = [output]

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result["calls"] = counts["completed"]
    last = outputs[0] if outputs else None
result["wallMs"] = (time.perf_counter() - wall_start) * 1000
result["cpuMs"] = (time.process_time() - cpu_start) * 1000

result["instances"] = None if last is None else count(last)
if args.get("expect") is not None and result["instances"] != args["expect"]:
    sys.exit(f"expected {args['expect']} instances in the last answer, got {result['instances']}")
print(json.dumps(result))
