#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Serves a recorded Job (a folder of kubectl watch streams, such as tests/data/recordings/d)
as a read-only Kubernetes API on 127.0.0.1, replaying it in real time: for trying JobScope's live
mode without a cluster, and for screenshots.

    scripts/fake-apiserver.py TRACE_DIR [--port 8001] [--speed 1.0] [--kubeconfig-out FILE]
                              [--wait SECONDS] [--copies N [--stagger SECONDS]]

With --copies N the namespace holds N copies of the Job, the i-th named NAME-i (its Pods and
Events renamed to match, new uids, a label copy: "i") and started i × SECONDS later: a namespace
of many Jobs, as a CronJob or a batch of one-Job-per-item makes.

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


def uids(streams):
    """Every uid of an object in the streams."""
    return {e["object"]["metadata"]["uid"] for events in streams.values() for _, e in events
            if e["object"].get("metadata", {}).get("uid")}


def copied(streams, copies, stagger):
    """The streams with `copies` copies of their Job: renamed NAME-i, new uids, labelled, and
    shifted by i × stagger seconds; resourceVersions renumbered in the order the events happen."""
    if copies <= 1:
        return streams
    jobs = streams["jobs"]
    name = jobs[0][1]["object"]["metadata"]["name"] if jobs else "job"
    # The Job's name begins its Pods' and Events' names and is the value of its labels.
    renamed = re.compile(r'"' + re.escape(name) + r'(?=["\-.])')
    every_uid = uids(streams)
    merged = []
    for i in range(copies):
        def copy(obj):
            text = renamed.sub(f'"{name}-{i}', json.dumps(obj))
            for uid in every_uid:
                text = text.replace(uid, uid[:-4] + f"{i:04x}")
            out = json.loads(text)
            if out.get("kind") == "Job":
                out["metadata"].setdefault("labels", {})["copy"] = str(i)
            return out
        for order, resource in enumerate(RESOURCES):
            for ts, event in streams[resource]:
                merged.append((ts + i * stagger, order, resource, i,
                               {"type": event["type"], "object": copy(event["object"])}, i * stagger))
    merged.sort(key=lambda m: (m[0], m[3], m[1]))
    out = {resource: [] for resource in RESOURCES}
    for version, (ts, _, resource, _, event, shift) in enumerate(merged, start=100):
        event["object"]["metadata"]["resourceVersion"] = str(version)
        event["shift"] = shift
        out[resource].append((ts, event))
    return out


def selected(obj, field_selector, label_selector):
    """Whether `obj` matches a metadata.name= field selector and a label selector of the forms
    k, !k, k=v, k==v, k!=v, k in (a,b), k notin (a,b) (joined by commas), as the API server's."""
    metadata = obj.get("metadata", {})
    for term in filter(None, field_selector.split(",")):
        key, _, value = term.partition("=")
        if key == "metadata.name" and metadata.get("name") != value.lstrip("="):
            return False
    labels = metadata.get("labels", {})
    for term in re.findall(r"[^,(]+(?:\([^)]*\))?", label_selector):
        term = term.strip()
        found = re.match(r"^(\S+)\s+(in|notin)\s+\((.*)\)$", term)
        if found:
            key, op, values = found.groups()
            inside = labels.get(key) in [v.strip() for v in values.split(",")]
            if inside != (op == "in"):
                return False
        elif "!=" in term:
            key, value = term.split("!=", 1)
            if labels.get(key.strip()) == value.strip():
                return False
        elif "=" in term:
            key, value = re.split("==?", term, maxsplit=1)
            if labels.get(key.strip()) != value.strip():
                return False
        elif term.startswith("!"):
            if term[1:] in labels:
                return False
        elif term and term not in labels:
            return False
    return True


class Replay:
    def __init__(self, folder, speed, copies=1, stagger=0.0, wait=0.0):
        streams, self.recordStart = load(folder)
        self.streams = copied(streams, copies, stagger)
        self.speed = speed
        self.serverStart = time.time() + wait
        for events in self.streams.values():
            for _, event in events:
                event["object"] = self.moved(event["object"], event.pop("shift", 0))

    def moved(self, value, shift=0):
        """The object with every RFC 3339 timestamp on the replay's clock (`shift` seconds later
        than recorded)."""
        if isinstance(value, dict):
            return {k: self.moved(v, shift) for k, v in value.items()}
        if isinstance(value, list):
            return [self.moved(v, shift) for v in value]
        if isinstance(value, str) and TIMESTAMP.match(value):
            recorded = datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() + shift
            now = datetime.fromtimestamp(self.due(recorded), timezone.utc)
            fraction = "." in value
            return now.strftime("%Y-%m-%dT%H:%M:%S") + (now.strftime(".%f") if fraction else "") + "Z"
        return value

    def due(self, ts):
        """When (server clock) a recorded event happens."""
        return self.serverStart + (ts - self.recordStart) / self.speed

    def state(self, resource, fields="", labels=""):
        """The objects now that the selectors match, and the newest resourceVersion seen."""
        objects, newest = {}, 0
        for ts, event in self.streams[resource]:
            if self.due(ts) > time.time():
                break
            obj = event["object"]
            newest = max(newest, rv(obj))
            if not selected(obj, fields, labels):
                continue
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
            fields = query.get("fieldSelector", [""])[0]
            labels = query.get("labelSelector", [""])[0]
            if query.get("watch", ["false"])[0] == "true":
                return self.watch(resource, int(query.get("resourceVersion", ["0"])[0] or 0),
                                  fields, labels)
            items, newest = replay.state(resource, fields, labels)
            api, kind = LIST_KINDS[resource]
            self.send_json(200, {"apiVersion": api, "kind": kind,
                                 "metadata": {"resourceVersion": str(newest)}, "items": items})

        def watch(self, resource, since, fields, labels):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                for ts, event in replay.streams[resource]:
                    if rv(event["object"]) <= since or not selected(event["object"], fields, labels):
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
    parser.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                        help="start the replay this long after the server (a client that connects "
                             "meanwhile sees every event as it happens, none late)")
    parser.add_argument("--copies", type=int, default=1, metavar="N",
                        help="serve N copies of the Job, NAME-0 … NAME-(N-1), in one namespace")
    parser.add_argument("--stagger", type=float, default=0.0, metavar="SECONDS",
                        help="with --copies: start each copy this long after the previous one")
    args = parser.parse_args()
    if not (args.trace / "watch-jobs.jsonl").exists():
        sys.exit(f"{args.trace}: no watch-jobs.jsonl here (a folder of kubectl watch streams)")
    replay = Replay(args.trace, args.speed, args.copies, args.stagger, args.wait)
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
    what = f"Job {job['namespace']}/{job['name']}" if args.copies <= 1 else \
        f"{args.copies} Jobs in {job['namespace']}, {args.stagger:g} s apart"
    print(f"serving {args.trace} on http://127.0.0.1:{args.port} ({what},"
          f" speed {args.speed}x); kubeconfig:\n{kubeconfig}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
