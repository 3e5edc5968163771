"""Subscribe, confirm, manage and unsubscribe pages; each calls one service.

The links in emails are signed (``tokens``), so none of these pages needs an account.
Confirming and unsubscribing change state only on POST: mail scanners open every
GET link in an email, and must neither subscribe nor unsubscribe anyone.
"""

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from sciplain.web.ratelimit import ratelimit

from . import services, tokens
from .forms import PreferencesForm, SubscribeForm
from .models import Subscriber
from .tokens import BadToken


@ratelimit("subscribe", limit=10, period=3600, what="the subscribe form")
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["website"]:
            services.subscriber_signup(email=form.cleaned_data["email"], categories=form.cleaned_data["categories"])
        return render(request, "subscriptions/thanks.html", {"email": form.cleaned_data["email"]})
    return render(request, "subscriptions/subscribe.html", {"form": form}, status=400 if form.errors else 200)


def _bad_link(request, error: BadToken):
    return render(request, "subscriptions/bad_link.html", {"error": error}, status=400)


def confirm(request, token):
    if request.method == "POST":
        try:
            subscriber = services.subscriber_confirm(token=token)
        except BadToken as error:
            return _bad_link(request, error)
        return render(request, "subscriptions/confirmed.html", {"subscriber": subscriber,
                                                                 "manage_token": tokens.manage_token(subscriber)})
    try:
        tokens.read_confirm_token(token)
    except BadToken as error:
        return _bad_link(request, error)
    return render(request, "subscriptions/confirm.html")


def manage(request, token):
    try:
        subscriber = services.subscriber_from_manage_token(token=token)
    except BadToken as error:
        return _bad_link(request, error)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.subscriber_update(subscriber=subscriber, categories=form.cleaned_data["categories"],
                                       resubscribe="resubscribe" in request.POST)
            saved = True
    else:
        form = PreferencesForm(initial={"categories": subscriber.categories.all()})
    return render(request, "subscriptions/manage.html", {
        "form": form, "subscriber": subscriber, "token": token, "saved": saved,
        "active": subscriber.status == Subscriber.Status.ACTIVE,
    }, status=400 if form.errors else 200)


# RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" with no CSRF token;
# the signed token in the URL is the authority, and unsubscribing can only reduce mail.
@csrf_exempt
def unsubscribe(request, token):
    try:
        subscriber = services.subscriber_from_manage_token(token=token)
    except BadToken as error:
        return _bad_link(request, error)
    if request.method == "POST":
        services.subscriber_unsubscribe(subscriber=subscriber)
        return render(request, "subscriptions/unsubscribed.html", {"subscriber": subscriber, "token": token})
    return render(request, "subscriptions/unsubscribe.html", {"subscriber": subscriber, "token": token})
