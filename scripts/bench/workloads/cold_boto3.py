"""Cold start of boto3: import, create an EC2 client, and with mode=call one DescribeInstances."""

import json
import sys

import boto3

args = json.loads(sys.argv[1])
client = boto3.client(
    "ec2",
    region_name="us-east-1",
    endpoint_url=args["endpoint"],
    aws_access_key_id="AKIDBENCHMARK0000000",
    aws_secret_access_key="bench/secret/key/not/a/real/one/000000000",
)
if args["mode"] == "call":
    output = client.describe_instances()
    print("instances", sum(len(r["Instances"]) for r in output["Reservations"]))
