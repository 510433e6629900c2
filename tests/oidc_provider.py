"""A tiny OpenID Connect provider on 127.0.0.1 for the sign-in tests: discovery, an
authorisation endpoint that approves at once, a token endpoint that returns an RS256 ID
token signed with a key made for the test, and the key set. `mode` spoils the token the way
a test asks ("bad_signature", "bad_nonce", "wrong_audience", "wrong_issuer"); `sub` is who
signs in."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from flask import Flask, Response, jsonify, redirect, request
from joserfc import jwt
from joserfc.jwk import RSAKey
from werkzeug.serving import make_server

CLIENT_ID = "dashboard-test"
CLIENT_SECRET = "test-client-secret"
KEY_ID = "test-key"


class LocalProvider:
    """The provider's state; serve it with `running()`."""

    def __init__(self) -> None:
        self.key = RSAKey.generate_key(2048, parameters={"kid": KEY_ID, "use": "sig"})
        # Same key id, never published: a token signed with it must not verify.
        self.other_key = RSAKey.generate_key(2048, parameters={"kid": KEY_ID, "use": "sig"})
        self.issuer = ""
        self.mode = "ok"
        self.sub = "person-1"
        self.nonces: dict[str, str] = {}
        self.app = self._build()

    def id_token(self, nonce: str) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer + "/elsewhere" if self.mode == "wrong_issuer" else self.issuer,
            "sub": self.sub, "iat": now, "exp": now + 300,
            "aud": "someone-else" if self.mode == "wrong_audience" else CLIENT_ID,
            "nonce": "not-the-nonce-sent" if self.mode == "bad_nonce" else nonce,
        }
        key = self.other_key if self.mode == "bad_signature" else self.key
        return jwt.encode({"alg": "RS256", "kid": KEY_ID}, claims, key)

    def _build(self) -> Flask:
        app = Flask("oidc_provider")

        @app.get("/.well-known/openid-configuration")
        def discovery() -> Response:
            return jsonify({
                "issuer": self.issuer,
                "authorization_endpoint": f"{self.issuer}/authorize",
                "token_endpoint": f"{self.issuer}/token",
                "jwks_uri": f"{self.issuer}/jwks",
                "response_types_supported": ["code"],
                "subject_types_supported": ["public"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                          "client_secret_post"],
            })

        @app.get("/authorize")
        def authorize() -> Response:
            if request.args.get("client_id") != CLIENT_ID or \
                    request.args.get("response_type") != "code":
                return Response("bad authorisation request", 400)
            code = secrets.token_urlsafe(16)
            self.nonces[code] = request.args.get("nonce", "")
            query = urlencode({"code": code, "state": request.args.get("state", "")})
            return redirect(f"{request.args['redirect_uri']}?{query}")  # type: ignore[return-value]

        @app.post("/token")
        def token() -> Response:
            auth = request.authorization
            client = (auth.username, auth.password) if auth else \
                (request.form.get("client_id"), request.form.get("client_secret"))
            if client != (CLIENT_ID, CLIENT_SECRET):
                return Response('{"error": "invalid_client"}', 401,
                                mimetype="application/json")
            nonce = self.nonces.pop(request.form.get("code", ""), None)
            if nonce is None:
                return Response('{"error": "invalid_grant"}', 400, mimetype="application/json")
            return jsonify({"access_token": secrets.token_urlsafe(16), "token_type": "Bearer",
                            "expires_in": 300, "id_token": self.id_token(nonce)})

        @app.get("/jwks")
        def jwks() -> Response:
            return jsonify({"keys": [self.key.as_dict(private=False)]})

        return app


@contextmanager
def running() -> Iterator[LocalProvider]:
    """A provider serving on a free port of 127.0.0.1 for the length of the block."""
    provider = LocalProvider()
    server = make_server("127.0.0.1", 0, provider.app, threaded=True)
    provider.issuer = f"http://127.0.0.1:{server.port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield provider
    finally:
        server.shutdown()
        thread.join(timeout=5)
