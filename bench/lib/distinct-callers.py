"""Sends GET .../sessions/{id}/messages as many distinct callers: each request carries its own
X-Forwarded-For address (from 198.18.0.0/15, the range set aside for benchmarks; only a header value,
nothing is sent there) and its own session id. Usage: distinct-callers.py PORT AGENT FIRST COUNT.
Prints the request rate."""
import http.client
import sys
import threading
import time

port, agent, first, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
THREADS = 4


def address(n):
    return "198.%d.%d.%d" % (18 + (n >> 16) % 2, (n >> 8) & 255, n & 255)


def worker(offset):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for n in range(first + offset, first + count, THREADS):
        connection.request("GET", "/api/chat/%s/sessions/bench%027d/messages" % (agent, n),
                           headers={"X-Forwarded-For": address(n)})
        response = connection.getresponse()
        response.read()
        if response.status != 404:
            raise SystemExit("unexpected status %d" % response.status)
    connection.close()


started = time.monotonic()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("%.0f" % (count / (time.monotonic() - started)))
