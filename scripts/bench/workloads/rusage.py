"""Runs a command and reports what it cost, measured by the kernel (wait4): wall time, user and
system CPU in microseconds, and peak RSS. Usage: python3 rusage.py <result.json> <command> [args...].
The command's stdout and stderr pass through; the figures go to result.json.
"""

import json
import os
import sys
import time

result_path, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(result_path, "w") as out:
    json.dump(
        {
            "wallMs": wall * 1000,
            "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000,
            "maxRssKb": usage.ru_maxrss,
            "exitCode": os.waitstatus_to_exitcode(status),
        },
        out,
    )
sys.exit(0)
