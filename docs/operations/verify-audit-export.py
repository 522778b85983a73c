#!/usr/bin/env python3
"""Verify a Zhenggai audit export offline against a signed checkpoint.

usage: verify-audit-export.py EXPORT.ndjson CHECKPOINT.json [PUBLIC_KEY.pem]

EXPORT.ndjson    GET /api/audit/events.ndjson   (the whole history: no filters)
CHECKPOINT.json  GET /api/audit/checkpoint      (taken before or after the export; the export must reach its position)
PUBLIC_KEY.pem   GET /api/audit/public-key.pem  (obtained independently; with it the signature is checked too,
                 using the 'cryptography' package, or check it with openssl as the documentation shows)

Recomputes the hash chain from the exported bytes (docs/operations/audit-verification.md) up to the checkpoint's
position and compares the result with the checkpoint's hash. Exit status 0 when everything matches.
"""
import base64
import hashlib
import json
import struct
import sys


def field(value):
    """u32 length + bytes, or FF FF FF FF for a null column."""
    return b"\xff\xff\xff\xff" if value is None else struct.pack(">I", len(value)) + value


def text(value):
    return field(None if value is None else value.encode("utf-8"))


def raw(value):
    return field(None if value is None else base64.b64decode(value))


def canonical_event(e):
    return (b"E" + struct.pack(">Q", e["position"]) + text(e["eventId"]) + text(e["aggregateType"])
            + text(e["aggregateId"]) + struct.pack(">Q", e["sequenceNumber"]) + text(e["payloadType"])
            + text(e["payloadRevision"]) + text(e["timeStamp"]) + raw(e["payloadBase64"]) + raw(e["metaDataBase64"]))


def canonical_gap(position):
    return b"G" + struct.pack(">Q", position)


def main(export_path, checkpoint_path, public_key_path=None):
    with open(checkpoint_path, encoding="utf-8") as f:
        checkpoint = json.load(f)
    up_to = checkpoint["position"]
    previous = bytes(32)                      # hash(0): 32 zero bytes
    expected = 1                              # the chain covers every position from 1
    events = gaps = 0
    last_position = 0
    first_difference = None
    with open(export_path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            e = json.loads(line)
            p = e["position"]
            if p <= last_position:
                sys.exit(f"line {number}: position {p} is out of order: export the whole history, unfiltered")
            last_position = p
            if p > up_to:
                break
            while expected < p:               # a position without an event is a gap (rolled-back transaction)
                previous = hashlib.sha256(previous + canonical_gap(expected)).digest()
                expected += 1
                gaps += 1
            previous = hashlib.sha256(previous + canonical_event(e)).digest()
            expected = p + 1
            events += 1
            if first_difference is None and e.get("chainHash") and e["chainHash"] != previous.hex():
                first_difference = p
                print(f"first difference at position {p} (event {e['eventId']}): recomputed {previous.hex()}, "
                      f"the server's link says {e['chainHash']}")
    if last_position < up_to:
        sys.exit(f"the export ends at position {last_position}, before the checkpoint's position {up_to}")
    while expected <= up_to:
        previous = hashlib.sha256(previous + canonical_gap(expected)).digest()
        expected += 1
        gaps += 1

    recomputed = previous.hex()
    ok = recomputed == checkpoint["hash"]
    print(f"positions 1..{up_to}: {events} events, {gaps} gaps")
    print(f"recomputed hash  {recomputed}")
    print(f"checkpoint hash  {checkpoint['hash']}  -> {'MATCH' if ok else 'MISMATCH: the export differs from the checkpointed history'}")

    signed_text = f"zhenggai-audit-checkpoint:v1:{checkpoint['position']}:{checkpoint['hash']}:{checkpoint['time']}"
    if signed_text != checkpoint["signedText"]:
        print("the checkpoint's signedText does not match its position, hash and time")
        ok = False
    if public_key_path:
        try:
            from cryptography.hazmat.primitives.serialization import load_pem_public_key
        except ImportError:
            print("signature not checked: install 'cryptography' or use openssl (see the documentation)")
        else:
            with open(public_key_path, "rb") as f:
                key = load_pem_public_key(f.read())
            try:
                key.verify(base64.b64decode(checkpoint["signature"]), signed_text.encode("utf-8"))
                print("signature        valid (Ed25519)")
            except Exception:
                print("signature        INVALID")
                ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
