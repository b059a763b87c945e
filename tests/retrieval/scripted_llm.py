"""A scripted stand-in for a real model: a small OpenAI-compatible chat server on 127.0.0.1.

It is a test double for the one service outside the project (an LLM endpoint), in the manner of
httpx's `MockTransport(handler)`: each `POST /v1/chat/completions` gets the next reply of a
script (a `Reply`, or a function of the request that returns one), streamed as server-sent
events when the request asks to stream, exactly as an OpenAI-compatible server sends them. It
records every request body, so tests can assert what was sent. No model runs here: replies are
written by the tests, so that each asserts exactly what a user sees for a given model output.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SOURCE = re.compile(r'<source n="(\d+)" label="([^"]*)">\n(.*?)\n</source>', re.S)


@dataclass
class Reply:
    text: str = ""
    status: int = 200
    delay_s: float = 0.0  # before the first byte (a slow or hung model)
    # raw server-sent-event lines sent instead of `text` (malformed streams)
    raw_events: list[str] | None = None
    tokens: list[str] | None = None  # how `text` is split into streamed chunks (default: words)


@dataclass
class Request:
    """One chat request as received: its JSON body, and the sources its prompt carried."""

    body: dict
    sources: list[tuple[int, str, str]] = field(default_factory=list)  # (n, label, text)

    @property
    def prompt(self) -> str:
        return "\n\n".join(str(m.get("content", "")) for m in self.body.get("messages", []))

    def source(self, label: str) -> int:
        """The number the prompt gave the paragraph labelled `label`."""
        for n, lab, _text in self.sources:
            if lab == label:
                return n
        raise KeyError(f"no source labelled {label!r} in {[s[1] for s in self.sources]}")


Script = Reply | Callable[[Request], Reply]


class ScriptedLLM:
    """`with ScriptedLLM() as llm: llm.script(Reply("… [1]"))`; point OPENAI_BASE_URL at
    `llm.url`. `llm.requests` holds what was received, in order."""

    def __init__(self, model: str = "scripted"):
        self.model = model
        self.requests: list[Request] = []
        self._script: list[Script] = []
        self._stop = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def script(self, *replies: Script) -> None:
        """Replace the replies still to come."""
        self._script = list(replies)

    def __enter__(self) -> ScriptedLLM:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def _next(self, request: Request) -> Reply:
        self.requests.append(request)
        if not self._script:
            return Reply("the test script has no reply left for this request", status=500)
        step = self._script.pop(0)
        return step(request) if callable(step) else step

    def _handler(self):
        llm = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                last = body.get("messages", [{}])[-1].get("content", "")
                sources = [(int(n), lab, text) for n, lab, text in SOURCE.findall(str(last))]
                reply = llm._next(Request(body, sources))
                if reply.delay_s and llm._stop.wait(reply.delay_s):
                    return
                try:
                    if reply.status != 200:
                        self._send(reply.status, {"error": {"message": reply.text}})
                    elif body.get("stream"):
                        self._stream(reply, body.get("model", llm.model))
                    else:
                        self._send(200, _completion(reply.text, body.get("model", llm.model)))
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout): nothing to do

            def _send(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, reply: Reply, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                if reply.raw_events is not None:
                    events = reply.raw_events
                else:
                    pieces = reply.tokens or re.findall(r"\S+\s*|\s+", reply.text)
                    events = [json.dumps(_chunk(p, model)) for p in pieces]
                    events += [json.dumps(_chunk(None, model, finish="stop")), "[DONE]"]
                for event in events:
                    self.wfile.write(f"data: {event}\n\n".encode())
                    self.wfile.flush()
                self.close_connection = True

        return Handler


def _chunk(text: str | None, model: str, finish: str | None = None) -> dict:
    delta = {"role": "assistant", "content": text} if text is not None else {}
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _completion(text: str, model: str) -> dict:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def echo_first_source(request: Request) -> Reply:
    """A stand-in model that answers with the first sentence of source 1, cited [1]."""
    if not request.sources:
        return Reply("Not in the reports.")
    first = re.split(r"(?<=[.!?])\s+", request.sources[0][2])[0]
    return Reply(f"{first} [1]")
