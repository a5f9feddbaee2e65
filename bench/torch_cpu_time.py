#!/usr/bin/env python3
"""shared/bench/torch_vae.py unchanged, but with its clock swapped for this thread's CPU time
(time.thread_time): its "seconds", "examples_per_s" and "decode_400_ms" then leave out the time other
processes held the core, which on a loaded machine is the fair side-by-side figure (one thread: all of
PyTorch's work runs on this thread). Same arguments as torch_vae.py; prints its JSON plus "clock"."""
import contextlib, io, json, os, sys, time, types

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("REF_DIR", os.path.join(here, "..", "..", "shared", "bench")))
import torch_vae  # noqa: E402

torch_vae.time = types.SimpleNamespace(perf_counter=time.thread_time)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    torch_vae.main()
out = json.loads(buf.getvalue().strip().splitlines()[-1])
out["clock"] = "thread_cpu"
print(json.dumps(out))
