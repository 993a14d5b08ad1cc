"""What endpoints share: the store, the knowledge base, the model and the write token."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from mercato.kb import KnowledgeBase, load_kb
from mercato.sagas.likelihood import LikelihoodModel
from mercato.settings import Settings
from mercato.store import Store

__all__ = ["Kb", "Model", "SettingsDep", "StoreDep", "require_token"]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _kb() -> KnowledgeBase:
    return load_kb()


def _model(request: Request) -> LikelihoodModel:
    model: LikelihoodModel = request.app.state.model
    return model


StoreDep = Annotated[Store, Depends(_store)]
Kb = Annotated[KnowledgeBase, Depends(_kb)]
SettingsDep = Annotated[Settings, Depends(_settings)]
Model = Annotated[LikelihoodModel, Depends(_model)]

_bearer = HTTPBearer(auto_error=False, description="MERCATO_API_TOKEN, for write endpoints")


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Let the request through only with the operator's bearer token."""
    settings = _settings(request)
    if not settings.api_token:
        raise HTTPException(
            403, "writes are disabled on this server; the operator sets MERCATO_API_TOKEN to enable them"
        )
    if credentials is None:
        raise HTTPException(
            401, "missing bearer token; send 'Authorization: Bearer TOKEN'", headers={"WWW-Authenticate": "Bearer"}
        )
    if not secrets.compare_digest(credentials.credentials.encode(), settings.api_token.encode()):
        raise HTTPException(
            401, "wrong bearer token; ask the operator for MERCATO_API_TOKEN", headers={"WWW-Authenticate": "Bearer"}
        )
