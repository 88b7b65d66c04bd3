"""Heavy or untrusted work in a process of its own, under memory, CPU and wall-clock limits, never in the server."""
