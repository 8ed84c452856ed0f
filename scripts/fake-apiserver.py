#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Serves a recorded Job (a folder of kubectl watch streams, such as tests/data/recordings/d)
as a read-only Kubernetes API on 127.0.0.1, replaying it in real time: for trying JobScope's live
mode without a cluster, and for screenshots.

    scripts/fake-apiserver.py TRACE_DIR [--port 8001] [--speed 1.0] [--kubeconfig-out FILE]

then point a kubeconfig at http://127.0.0.1:8001 (no credentials), or use the one this script
writes to FILE (and prints). The objects' own timestamps are moved to the replay's clock (as if the Job ran now, at
the chosen speed), so they agree with the local receive times as a live cluster's do. Lists answer with the objects as they are at that moment of the replay; watches stream
the recorded events from the resourceVersion asked for, with chunked encoding, as the API
server does. Only GET is answered; anything else gets 405.
"""
import argparse
import json
import pathlib
import re
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

RESOURCES = {"jobs": "watch-jobs.jsonl", "pods": "watch-pods.jsonl", "events": "watch-events.jsonl"}
LIST_KINDS = {"jobs": ("batch/v1", "JobList"), "pods": ("v1", "PodList"), "events": ("v1", "EventList")}


def load(folder):
    streams = {}
    for resource, name in RESOURCES.items():
        events = []
        path = folder / name
        if path.exists():
            for line in path.read_text().splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                ts = datetime.fromisoformat(record["ts"]).timestamp()
                events.append((ts, record["event"]))
        streams[resource] = events
    start = min((e[0] for events in streams.values() for e in events), default=time.time())
    return streams, start


def rv(obj):
    try:
        return int(obj["metadata"]["resourceVersion"])
    except (KeyError, ValueError):
        return 0


TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


class Replay:
    def __init__(self, folder, speed):
        self.streams, self.recordStart = load(folder)
        self.speed = speed
        self.serverStart = time.time()
        for events in self.streams.values():
            for _, event in events:
                event["object"] = self.moved(event["object"])

    def moved(self, value):
        """The object with every RFC 3339 timestamp on the replay's clock."""
        if isinstance(value, dict):
            return {k: self.moved(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.moved(v) for v in value]
        if isinstance(value, str) and TIMESTAMP.match(value):
            recorded = datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
            now = datetime.fromtimestamp(self.due(recorded), timezone.utc)
            fraction = "." in value
            return now.strftime("%Y-%m-%dT%H:%M:%S") + (now.strftime(".%f") if fraction else "") + "Z"
        return value

    def due(self, ts):
        """When (server clock) a recorded event happens."""
        return self.serverStart + (ts - self.recordStart) / self.speed

    def state(self, resource):
        """The objects now, and the newest resourceVersion seen."""
        objects, newest = {}, 0
        for ts, event in self.streams[resource]:
            if self.due(ts) > time.time():
                break
            obj = event["object"]
            newest = max(newest, rv(obj))
            uid = obj["metadata"].get("uid") or obj["metadata"]["name"]
            if event["type"] == "DELETED":
                objects.pop(uid, None)
            else:
                objects[uid] = obj
        return list(objects.values()), newest


def make_handler(replay):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, fmt, *args):
            sys.stderr.write("fake-apiserver: " + fmt % args + "\n")

        def send_json(self, status, body):
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            url = urlparse(self.path)
            query = parse_qs(url.query)
            parts = [p for p in url.path.split("/") if p]
            if parts == ["api", "v1", "namespaces"]:
                namespaces = sorted({o["metadata"]["namespace"] for _, e in replay.streams["jobs"]
                                     for o in [e["object"]]})
                return self.send_json(200, {"apiVersion": "v1", "kind": "NamespaceList",
                                            "metadata": {"resourceVersion": "1"},
                                            "items": [{"metadata": {"name": n}} for n in namespaces]})
            resource = parts[-1] if parts else ""
            if resource not in RESOURCES:
                return self.send_json(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                                            "reason": "NotFound", "code": 404,
                                            "message": "the server could not find the requested resource"})
            if query.get("watch", ["false"])[0] == "true":
                return self.watch(resource, int(query.get("resourceVersion", ["0"])[0] or 0))
            items, newest = replay.state(resource)
            api, kind = LIST_KINDS[resource]
            self.send_json(200, {"apiVersion": api, "kind": kind,
                                 "metadata": {"resourceVersion": str(newest)}, "items": items})

        def watch(self, resource, since):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for ts, event in replay.streams[resource]:
                    if rv(event["object"]) <= since:
                        continue
                    wait = replay.due(ts) - time.time()
                    if wait > 0:
                        time.sleep(wait)
                    line = (json.dumps(event) + "\n").encode()
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
                    self.wfile.flush()
                # Recorded history is over: stay open, as a quiet watch does, until the client
                # goes or the watch's usual lifetime (5 minutes) ends.
                time.sleep(300)
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_POST(self):
            self.send_json(405, {"kind": "Status", "status": "Failure", "code": 405,
                                 "reason": "MethodNotAllowed", "message": "read-only"})

        do_PUT = do_PATCH = do_DELETE = do_POST

    return Handler


def main():
    parser = argparse.ArgumentParser(
        description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("trace", type=pathlib.Path, metavar="TRACE_DIR",
                        help="a folder holding watch-jobs.jsonl, watch-pods.jsonl and watch-events.jsonl")
    parser.add_argument("--port", type=int, default=8001, help="the port on 127.0.0.1 (default 8001)")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="replay speed: 2 plays twice as fast, 0.5 half as fast (default 1)")
    parser.add_argument("--kubeconfig-out", type=pathlib.Path, metavar="FILE",
                        help="write a kubeconfig for this server to FILE")
    args = parser.parse_args()
    if not (args.trace / "watch-jobs.jsonl").exists():
        sys.exit(f"{args.trace}: no watch-jobs.jsonl here (a folder of kubectl watch streams)")
    replay = Replay(args.trace, args.speed)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(replay))
    server.daemon_threads = True
    jobs = replay.streams["jobs"]
    job = jobs[0][1]["object"]["metadata"] if jobs else {"name": "?", "namespace": "default"}
    kubeconfig = (f"apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n"
                  f"    server: http://127.0.0.1:{args.port}\ncontexts:\n- name: fake\n  context:\n"
                  f"    cluster: fake\n    namespace: {job['namespace']}\n    user: nobody\n"
                  f"current-context: fake\nusers:\n- name: nobody\n  user: {{}}\n")
    if args.kubeconfig_out:
        args.kubeconfig_out.write_text(kubeconfig)
    print(f"serving {args.trace} on http://127.0.0.1:{args.port} (Job {job['namespace']}/{job['name']},"
          f" speed {args.speed}x); kubeconfig:\n{kubeconfig}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
