# boto3 (Python) against ec2-local: a real client nobody here wrote. Reads the endpoint and keys from
# the environment, runs a small scenario and prints one JSON object of observations.
import json
import os

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = os.environ["EC2_LOCAL_ENDPOINT"]
image_id = os.environ["EC2_LOCAL_IMAGE"]


def client(secret=None):
    return boto3.client(
        "ec2",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=os.environ["EC2_LOCAL_KEY_ID"],
        aws_secret_access_key=secret or os.environ["EC2_LOCAL_SECRET"],
        config=Config(retries={"mode": "standard", "max_attempts": 3}),
    )


def error_of(call):
    try:
        call()
    except ClientError as error:
        return {
            "code": error.response["Error"]["Code"],
            "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
            "message": error.response["Error"]["Message"],
        }
    return None


ec2 = client()
seen = {}
seen["regions"] = len(ec2.describe_regions()["Regions"])
run = ec2.run_instances(
    ImageId=image_id,
    InstanceType="t3.micro",
    MinCount=3,
    MaxCount=3,
    TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": "boto3"}]}],
)
ids = [i["InstanceId"] for i in run["Instances"]]
seen["launched"] = [i["State"]["Name"] for i in run["Instances"]]
ec2.get_waiter("instance_running").wait(InstanceIds=ids, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
pages = []
for page in ec2.get_paginator("describe_instances").paginate(
    Filters=[{"Name": "tag:Name", "Values": ["boto3"]}, {"Name": "instance-state-name", "Values": ["running"]}],
    PaginationConfig={"PageSize": 5},
):
    pages.append(sum(len(r["Instances"]) for r in page["Reservations"]))
seen["running_pages"] = pages
ec2.create_tags(Resources=ids[:1], Tags=[{"Key": "team", "Value": "py"}])
seen["tags"] = sorted(
    f'{t["Key"]}={t["Value"]}' for t in ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": ids[:1]}])["Tags"]
)
seen["dry_run"] = error_of(lambda: ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1, DryRun=True))
seen["not_found"] = error_of(lambda: ec2.describe_instances(InstanceIds=["i-0123456789abcdef0"]))
wrong = error_of(lambda: client("not-the-secret").describe_instances())
seen["wrong_secret"] = {"code": wrong["code"], "status": wrong["status"], "teaches": "The canonical request ec2-local computed" in wrong["message"]}
throttled = ec2.describe_regions()
seen["throttled_retries"] = throttled["ResponseMetadata"]["RetryAttempts"]
ec2.terminate_instances(InstanceIds=ids)
ec2.get_waiter("instance_terminated").wait(InstanceIds=ids, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
seen["terminated"] = sorted(
    i["State"]["Name"] for r in ec2.describe_instances(InstanceIds=ids)["Reservations"] for i in r["Instances"]
)
print(json.dumps(seen))
