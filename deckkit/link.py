"""A learner's link in Chromium: DevTools' network emulation (bandwidth and round trip) on a page and on every
worker it starts, for `invoke bench`'s figures over 20 and 100 Mbit/s.

One budget for the whole page, workers included, as on a real link: the page's conditions already cover its
workers' requests (checked in Chromium 156: two workers fetching at once take twice as long as one), and the
workers get the same conditions of their own in case a Chromium stops doing so — which changes nothing.
"""

import itertools
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    mbit: float  # both ways
    rtt_ms: float

    @property
    def label(self):
        return f"{self.mbit:g} Mbit/s, {self.rtt_ms:g} ms RTT"

    def conditions(self):
        bytes_per_s = self.mbit * 1e6 / 8
        return {"offline": False, "latency": self.rtt_ms, "downloadThroughput": bytes_per_s,
                "uploadThroughput": bytes_per_s}


LINKS = (Link(20, 40), Link(100, 40))


def emulate(context, page, link: Link):
    """Put *page* (before it navigates) and every worker it starts behind *link*. Returns the CDP session
    (it lives as long as the page)."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", link.conditions())
    ids = itertools.count(1)

    def on_worker(event):
        # A worker waits for its debugger (here) before its first line: its own conditions come first.
        target = event["sessionId"]
        for method, params in (("Network.enable", {}), ("Network.emulateNetworkConditions", link.conditions()),
                               ("Runtime.runIfWaitingForDebugger", {})):
            message = json.dumps({"id": next(ids), "method": method, "params": params})
            try:
                session.send("Target.sendMessageToTarget", {"sessionId": target, "message": message})
            except Exception:  # noqa: BLE001 - the page closed as its worker (the standby) started: nothing to pace
                return

    session.on("Target.attachedToTarget", on_worker)
    session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})
    return session
