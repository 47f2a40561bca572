"""A fake Telegram Bot API: a real HTTP server on loopback that checks calls as Telegram does.

It refuses captions and texts over Telegram's limits, HTML with tags or entities
Telegram does not accept, and unknown tokens, and it can be told to answer the
next calls with 429, 5xx, or a dropped connection. It also notes any call that
arrives before a 429's retry_after has passed.
"""

import json
import re
import socket
import threading
import time
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "blockquote", "tg-spoiler", "span", "tg-emoji",
}  # fmt: skip
ENTITY = re.compile(r"&(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")
TAG = re.compile(r'</?([a-z-]+)(\s+[a-z-]+="[^"<>]*")*\s*/?>')
LIMITS = {"caption": 1024, "text": 4096}


class EntityError(ValueError):
    pass


def parse_html(html: str) -> str:
    """The visible text of Telegram HTML, or EntityError as Telegram's parser would raise."""
    text, stack, position = [], [], 0
    while position < len(html):
        char = html[position]
        if char == "<":
            match = TAG.match(html, position)
            if not match:
                raise EntityError(f"Unexpected character at byte offset {position}")
            name = match.group(1)
            if name not in ALLOWED_TAGS:
                raise EntityError(f'Unsupported start tag "{name}" at byte offset {position}')
            if match.group(0).startswith("</"):
                if not stack or stack.pop() != name:
                    raise EntityError(
                        f'Unmatched end tag at byte offset {position}, expected "{name}"'
                    )
            else:
                stack.append(name)
            position = match.end()
        elif char == "&":
            match = ENTITY.match(html, position)
            if not match:
                raise EntityError(f"Unsupported entity at byte offset {position}")
            entity = match.group(1)
            text.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}.get(entity, "?"))
            position = match.end()
        elif char == ">":
            raise EntityError(f"Unexpected > at byte offset {position}")
        else:
            text.append(char)
            position += 1
    if stack:
        raise EntityError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(text)


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeBotApi:
    def __init__(self, tokens=("123:secret-token",), port: int | None = None):
        self.tokens = set(tokens)
        self.port = port
        self.lock = threading.Lock()
        self.calls = []  # (monotonic time, method, params)
        self.messages = {}  # (chat, message_id) -> {"text": ..., "photo": bool}
        self.next_id = 100
        # Answers for the next calls: ("status", code, retry_after), ("drop",) or
        # ("hold", holding, release).
        self.scripted = []
        self.blocked_until = 0.0
        self.early_calls = []
        self.server = None

    # Control -------------------------------------------------------------------

    def start(self) -> "FakeBotApi":
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                api.handle(self)

            def log_message(self, *args):
                pass

        # HTTPServer rebinds a recently closed port, so the API can come back where it was.
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port or 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self):
        """Stop answering: connections are refused until start() is called again."""
        if self.server:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def fail_next(self, count: int, status: int = 429, retry_after: int = 2):
        with self.lock:
            self.scripted.extend([("status", status, retry_after)] * count)

    def drop_next(self, count: int = 1):
        """Read the next requests, then close the connection without answering."""
        with self.lock:
            self.scripted.extend([("drop",)] * count)

    def hold_next(self) -> tuple[threading.Event, threading.Event]:
        """Carry out the next call, then keep its answer back until told: (holding, release).

        As if Telegram posted the message and its caller died, or lost the answer,
        while waiting for it.
        """
        holding, release = threading.Event(), threading.Event()
        with self.lock:
            self.scripted.append(("hold", holding, release))
        return holding, release

    def sent(self, method_prefix: str = "send") -> list[dict]:
        return [params for _, method, params in self.calls if method.startswith(method_prefix)]

    def methods(self) -> list[str]:
        return [method for _, method, _ in self.calls]

    # Serving -------------------------------------------------------------------

    def handle(self, request):
        match = re.fullmatch(r"/bot([^/]+)/(\w+)", request.path)
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length)
        if not match:
            return self.answer(
                request, 404, {"ok": False, "error_code": 404, "description": "Not Found"}
            )
        token, method = match.groups()
        params, files = self.parse(request.headers.get("Content-Type", ""), body)
        with self.lock:
            now = time.monotonic()
            self.calls.append((now, method, params))
            if now < self.blocked_until:
                self.early_calls.append((method, self.blocked_until - now))
            script = self.scripted.pop(0) if self.scripted else None
        if token not in self.tokens:
            return self.answer(
                request, 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            )
        held = script if script and script[0] == "hold" else None
        if held:
            script = None
        if script and script[0] == "drop":
            request.close_connection = True
            request.connection.shutdown(socket.SHUT_RDWR)
            return None
        if script:
            _, status, retry_after = script
            if status == 429:
                with self.lock:
                    self.blocked_until = time.monotonic() + retry_after
                return self.answer(request, 429, {
                    "ok": False, "error_code": 429,
                    "description": f"Too Many Requests: retry after {retry_after}",
                    "parameters": {"retry_after": retry_after},
                })  # fmt: skip
            if status == 400:
                return self.bad_request(request, "chat not found")
            return self.answer(request, status, {
                "ok": False, "error_code": status, "description": "Internal Server Error",
            })  # fmt: skip
        try:
            result = self.perform(method, params, files)
        except EntityError as error:
            return self.bad_request(request, f"can't parse entities: {error}")
        except BadRequest as error:
            return self.bad_request(request, str(error))
        if held:
            _, holding, release = held
            holding.set()
            release.wait()
        try:
            return self.answer(request, 200, {"ok": True, "result": result})
        except OSError:
            return None  # the caller is gone

    def bad_request(self, request, description):
        return self.answer(request, 400, {
            "ok": False, "error_code": 400, "description": f"Bad Request: {description}",
        })  # fmt: skip

    @staticmethod
    def answer(request, status, payload):
        body = json.dumps(payload).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    @staticmethod
    def parse(content_type, body):
        if content_type.startswith("application/json"):
            return json.loads(body or b"{}"), {}
        if content_type.startswith("multipart/form-data"):
            message = message_from_bytes(
                f"Content-Type: {content_type}\r\n\r\n".encode() + body, policy=policy.HTTP
            )
            params, files = {}, {}
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                if part.get_filename():
                    files[name] = part.get_payload(decode=True)
                else:
                    # Form fields are UTF-8 (RFC 7578), whatever the part says.
                    params[name] = part.get_payload(decode=True).decode("utf-8")
            if "media" in params:
                params["media"] = json.loads(params["media"])
            return params, files
        raise BadRequest("unsupported content type")

    # The methods ---------------------------------------------------------------

    def check(self, kind, html, parse_mode):
        if parse_mode != "HTML":
            raise BadRequest("this fake only speaks parse_mode HTML")
        visible = parse_html(html)
        if kind == "text" and not visible.strip():
            raise BadRequest("message text is empty")
        if utf16_length(visible) > LIMITS[kind]:
            raise BadRequest(f"message {'caption' if kind == 'caption' else 'text'} is too long")
        return html

    def photo(self, files, reference):
        name = reference[len("attach://") :] if reference.startswith("attach://") else reference
        content = files.get(name, b"")
        if not content.startswith(b"\xff\xd8"):
            raise BadRequest("wrong file identifier/HTTP URL specified")
        return True

    def perform(self, method, params, files):
        chat = str(params.get("chat_id", ""))
        if not chat:
            raise BadRequest("chat_id is empty")
        with self.lock:
            if method in ("sendMessage", "sendPhoto"):
                if method == "sendPhoto":
                    self.photo(files, "photo")
                    content = {
                        "caption": self.check(
                            "caption", params.get("caption", ""), params.get("parse_mode")
                        ),
                        "photo": True,
                    }
                else:
                    content = {
                        "text": self.check(
                            "text", params.get("text", ""), params.get("parse_mode")
                        ),
                        "photo": False,
                    }
                self.next_id += 1
                self.messages[(chat, self.next_id)] = content
                result = {
                    "message_id": self.next_id,
                    "chat": {"id": chat},
                    "date": int(time.time()),
                }
                if content["photo"]:
                    result["photo"] = [
                        {"file_id": f"photo-{self.next_id}", "width": 1280, "height": 720}
                    ]
                    result["caption"] = content["caption"]
                else:
                    result["text"] = content["text"]
                return result
            key = (chat, int(params.get("message_id", 0)))
            if method == "deleteMessage":
                if key not in self.messages:
                    raise BadRequest("message to delete not found")
                del self.messages[key]
                return True
            if key not in self.messages:
                raise BadRequest("message to edit not found")
            message = self.messages[key]
            if method == "editMessageCaption":
                if not message["photo"]:
                    raise BadRequest("there is no caption in the message to edit")
                new = {
                    **message,
                    "caption": self.check(
                        "caption", params.get("caption", ""), params.get("parse_mode")
                    ),
                }
            elif method == "editMessageText":
                if message["photo"]:
                    raise BadRequest("there is no text in the message to edit")
                new = {
                    **message,
                    "text": self.check("text", params.get("text", ""), params.get("parse_mode")),
                }
            elif method == "editMessageMedia":
                media = params.get("media") or {}
                self.photo(files, media.get("media", ""))
                new = {
                    **message,
                    "caption": self.check(
                        "caption", media.get("caption", ""), media.get("parse_mode")
                    ),
                    "photo": True,
                    "file": len(self.calls),
                }
            else:
                raise BadRequest(f"method {method} is not supported by this fake")
            if new == message:
                raise BadRequest(
                    "message is not modified: specified new message content and reply markup "
                    "are exactly the same as a current content and reply markup of the message"
                )
            self.messages[key] = new
            return {"message_id": key[1], "chat": {"id": chat}}


class BadRequest(Exception):
    pass
