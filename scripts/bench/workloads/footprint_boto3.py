"""Install footprint of boto3 and everything it needs at run time: walks the installed
distributions' requirement closure and sums the files each one recorded. Prints one JSON line."""

import json
import os
import re
from importlib import metadata


def requirement_names(dist):
    names = []
    for requirement in dist.requires or []:
        if "extra ==" in requirement:
            continue
        names.append(re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0])
    return names


seen, todo = {}, ["boto3"]
while todo:
    name = todo.pop()
    key = name.lower().replace("_", "-")
    if key in seen:
        continue
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        continue
    seen[key] = dist
    todo.extend(requirement_names(dist))

total_bytes = files = 0
for dist in seen.values():
    for path in dist.files or []:
        located = dist.locate_file(path)
        if os.path.isfile(located):
            total_bytes += os.path.getsize(located)
            files += 1
print(json.dumps({
    "bytes": total_bytes,
    "files": files,
    "packages": sorted(f"{d.metadata['Name']}=={d.version}" for d in seen.values()),
}))
