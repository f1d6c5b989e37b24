"""Sign-in, sign-out and the console's front door; `POST /v1/console/link` gives an enrolled
device a one-time sign-in link for its person (what `demotrace console` prints)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from ..server.auth import Principal, require
from ..server.deps import ERRORS
from .signin import (
    COOKIE,
    SESSION_TTL,
    OneTimeLink,
    SignInMethod,
    Viewer,
    create_link,
    end_session,
    start_session,
)
from .web import ConsoleError, Form, data_of, render, signed_in

router = APIRouter(include_in_schema=False)
api = APIRouter(tags=["console"])
Signed = Annotated[Viewer, Depends(signed_in)]
METHOD: SignInMethod = OneTimeLink()
HOME = {"employee": "/console/me", "admin": "/console/admin/policy", "trainer": "/console/review"}


class LinkOut(BaseModel):
    url: str
    expires_in: int


@api.post("/v1/console/link", response_model=LinkOut, responses=ERRORS)
def device_link(request: Request, p: Annotated[Principal, Depends(require("employee"))]) -> LinkOut:
    """A one-time console sign-in URL for this device's person (single use, 10 minutes)."""
    base = str(request.base_url).rstrip("/")
    return LinkOut(url=create_link(data_of(request), base, p.user, "employee", p.actor), expires_in=600)


@router.get("/console/login")
def login(request: Request) -> Response:
    who = METHOD.redeem(data_of(request), dict(request.query_params))
    if who is None:
        raise ConsoleError(
            401, "This sign-in link is wrong, was already used or has expired. Ask for a new one."
        )
    cookie = start_session(data_of(request), who)
    resp = RedirectResponse(HOME.get(who.role, "/console/me"), status_code=303)
    resp.set_cookie(
        COOKIE,
        cookie,
        max_age=int(SESSION_TTL),
        path="/console",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return resp


@router.post("/console/logout")
def logout(request: Request, viewer: Signed, form: Form) -> Response:
    end_session(data_of(request), request.cookies.get(COOKIE))
    resp = RedirectResponse("/console/signed-out", status_code=303)
    resp.delete_cookie(COOKIE, path="/console")
    return resp


@router.get("/console/signed-out")
def signed_out(request: Request) -> Response:
    return render(request, "signed_out.html", None)


@router.get("/console")
@router.get("/console/")
def home(viewer: Signed) -> Response:
    return RedirectResponse(HOME.get(viewer.role, "/console/me"), status_code=303)
