"""Signatures per second for botocore's SigV4Auth on the same POST as sign-peers.mjs (new request
object per signature) for `durationMs`. Prints one JSON line."""

import json
import sys
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

args = json.loads(sys.argv[1])
body = args["body"]
credentials = Credentials("AKIDBENCHMARK0000000", "bench/secret/key/not/a/real/one/000000000")
signer = SigV4Auth(credentials, "ec2", "us-east-1")
headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"}


def sign():
    request = AWSRequest(method="POST", url="https://ec2.us-east-1.amazonaws.com/", data=body, headers=dict(headers))
    signer.add_auth(request)


for _ in range(500):
    sign()
count = 0
start = time.perf_counter()
deadline = start + args["durationMs"] / 1000
while time.perf_counter() < deadline:
    for _ in range(100):
        sign()
    count += 100
print(json.dumps({"signer": "botocore", "perSecond": count / (time.perf_counter() - start)}))
