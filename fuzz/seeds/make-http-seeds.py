#!/usr/bin/env python3
"""Writes the seed requests of fuzz_http (fuzz/corpus/fuzz_http/) in the byte
layout FuzzedDataProvider reads: strings from the front (a backslash doubled,
ended by a backslash and another character), booleans and small integers from
the back. Each seed makes the same calls, in the same order, as fuzz_http.cc.
Run it again after changing the order of the calls there."""
import json
import os
import sys

TOKEN = "a" * 64
CSRF = "b" * 63 + "c"


class Seed:
    def __init__(self):
        self.front, self.back = bytearray(), bytearray()

    def bool(self, b):
        self.back.append(1 if b else 0)

    def string(self, s):
        self.front += s.encode().replace(b"\\", b"\\\\") + b"\\n"

    def pick(self, good_index=None, text=None):
        """A known-good value by its index in fuzz_http's list, or free text."""
        if text is None:
            self.bool(True)
            self.back.append(good_index)
        else:
            self.bool(False)
            self.string(text)

    def bytes(self, rest):
        return bytes(self.front) + rest.encode() + bytes(reversed(self.back))


def request(method, host=0, origin=0, cookie=0, csrf=0, path=1, suffix=None, token=None,
            length=None, chunked=False, ctype=0, query="", body=""):
    s = Seed()
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    s.pick(methods.index(method))
    for v in (host, origin, cookie, csrf, path):
        s.pick(*((v, None) if isinstance(v, int) else (None, v)))
    s.bool(suffix is not None)
    if suffix is not None:
        s.string(suffix)
    s.bool(token is not None)
    if token is not None:
        s.pick(*((token, None) if isinstance(token, int) else (None, token)))
    s.bool(length is not None)
    if length is not None:
        s.pick(length)
    s.bool(chunked)
    s.pick(ctype)
    s.string(query)
    return s.bytes(body)


SEEDS = {
    "get-applications": request("GET", path=2, query="status=active"),
    "get-app": request("GET", path=3),
    "post-app": request("POST", origin=1, path=2, length=1,
                        body=json.dumps({"company": "네이버", "role": "백엔드", "salary": "6000만",
                                         "date": "2026-03-01", "note": "-x"}, ensure_ascii=False)),
    "patch-app": request("PATCH", origin=1, path=3, body='{"note": "", "role": "ML", "url": null}'),
    "post-stage": request("POST", origin=2, path=4,
                          body='{"name": "1차 면접", "result": "passed", "questions": ["a", 3]}'),
    "put-criteria": request("PUT", origin=1, path=6, suffix="criteria",
                            body='{"set": {"보상": 30, "성장": 2.5}, "rm": "팀"}'),
    "post-note": request("POST", origin=1, path=6, suffix="notes",
                         body='{"kind": "pro", "option": "토스", "text": "--db=x"}'),
    "offer-compare": request("GET", path=7, query="apps=1,2,,3"),
    "screen": request("GET", path=8, query="region=서울&pay=%3E%3D6000만&sort=growth&limit=5"),
    "search": request("GET", path=9, query="q=%EB%84%A4%EC%9D%B4%EB%B2%84&limit=3"),
    "login": request("GET", cookie=2, path=0, token=0),
    "login-wrong": request("GET", cookie=2, path=0, token=2),
    "static-app-js": request("GET", path=11),
    "static-dotdot": request("GET", path=13),
    "foreign-host": request("GET", host=5, path=2),
    "cross-origin-post": request("POST", origin=5, path=2, body="{}"),
    "no-csrf-delete": request("DELETE", origin=1, csrf=1, path=3),
    "too-large": request("POST", origin=1, path=2, length=2, body="{}"),
    "not-json": request("POST", origin=1, path=2, ctype=2, body="company=x"),
    "chunked": request("POST", origin=1, path=2, chunked=True, body="{}"),
    "upload-too-large": request("POST", origin=1, path=14, length=5, query="name=nps.csv"),
    "upload-ok-size": request("POST", origin=1, path=14, length=2, query="name=nps.csv"),
    "rejects": request("GET", path=15, suffix="nps-202501.csv.rejects.csv"),
}

out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..",
                                                           "corpus", "fuzz_http")
os.makedirs(out, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
print(f"{len(SEEDS)} seeds in {out}")
