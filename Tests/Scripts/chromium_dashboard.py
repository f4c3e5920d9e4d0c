#!/usr/bin/env python3
"""Opens Herald's dashboard in headless Chromium, logs in through the real form, and saves what it shows.

Usage: chromium_dashboard.py CHROMIUM URL TOKEN SCREENSHOT.png

Drives Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: commands on fd 3, answers on
fd 4, each message JSON ending in NUL), using only the standard library. Prints the logged-in page's DOM
(document.documentElement.outerHTML) on stdout; exits non-zero with the reason on stderr when a step fails.
"""

import base64
import json
import os
import signal
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 90


class Browser:
    """One headless Chromium and one page in it."""

    def __init__(self, executable, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def connect_pipes():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [executable, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
             "--disable-background-networking", "--mute-audio", "--hide-scrollbars",
             "--user-data-dir=" + profile, "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log, preexec_fn=connect_pipes, pass_fds=(3, 4),
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True):
        """Sends a command (to the page's session unless session is False) and returns its result."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self.receive()
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe: " + self.output())
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method):
        """Waits for the page's event `method`, dropping it and everything before it from the queue."""
        while True:
            while self.events:
                event = self.events.pop(0)
                if event.get("method") == method and event.get("sessionId") == self.session:
                    return event
            self.events.append(self.receive())

    def open_page(self):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send(
            "Target.attachToTarget", {"targetId": target, "flatten": True}, session=False
        )["sessionId"]
        self.send("Page.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})

    def navigate(self, url):
        self.events.clear()
        answer = self.send("Page.navigate", {"url": url})
        if answer.get("errorText"):
            raise RuntimeError(f"navigating to {url}: {answer['errorText']}")
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"evaluating {expression!r}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path):
        height = self.evaluate("document.documentElement.scrollHeight")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": min(int(height), 8000), "deviceScaleFactor": 1, "mobile": False})
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-2000:]


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    executable, url, token, screenshot = sys.argv[1:]
    signal.alarm(TIMEOUT_SECONDS)
    with tempfile.TemporaryDirectory(prefix="herald-chromium-") as profile:
        browser = Browser(executable, profile)
        try:
            browser.open_page()
            browser.navigate(url)
            if not browser.evaluate("!!document.querySelector('form[action=\"/login\"] input[type=password]')"):
                raise RuntimeError("no login form at " + url)
            browser.evaluate(
                "document.getElementById('token').value = " + json.dumps(token) + "; "
                "document.querySelector('form[action=\"/login\"]').requestSubmit(); true"
            )
            browser.wait_for("Page.loadEventFired")
            browser.screenshot(screenshot)
            sys.stdout.write(browser.evaluate("document.documentElement.outerHTML"))
        finally:
            browser.close()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # noqa: BLE001 - every failure is reported the same way
        sys.exit(f"chromium_dashboard: {error}")
