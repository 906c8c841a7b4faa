"""Locust's simulated visitors for bench/load.py, outside bench/*.py: bench/run.py imports those, and importing
locust patches the process (gevent).

Each visitor reads the public pages at random with the weights below; the addresses come from
BENCH_LOAD_PAGES (JSON {name: path}, found by bench/load.py on the running stack). BENCH_LOAD_RATE: requests
a second per visitor (0: each asks again as soon as answered).
"""

import json
import os
import random

from locust import HttpUser, constant, constant_throughput, task

PAGES = json.loads(os.environ.get("BENCH_LOAD_PAGES", "{}"))
RATE = float(os.environ.get("BENCH_LOAD_RATE", "0"))
QUERIES = ["메타버스", "디지털트윈", "XR", "교육", "게임", "서울", "가상융합", "플랫폼"]
WEIGHTS = {"home": 4, "directory": 3, "search": 3, "company": 3, "map": 3, "reports": 1, "notice": 1}


class PublicVisitor(HttpUser):
    wait_time = constant_throughput(RATE) if RATE else constant(0)

    @task
    def read_a_page(self) -> None:
        names = [name for name in WEIGHTS if name == "search" or PAGES.get(name)]
        name = random.choices(names, weights=[WEIGHTS[name] for name in names])[0]
        if name == "search":
            query = random.choice(QUERIES)
            self.client.get(f"{PAGES['directory']}?q={query}", name="directory search")
        else:
            self.client.get(PAGES[name], name=name)
