from django.shortcuts import render

from .forms import SubscribeForm
from .services import subscriber_signup


def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["website"]:
            subscriber_signup(email=form.cleaned_data["email"], categories=form.cleaned_data["categories"])
        return render(request, "subscriptions/thanks.html", {"email": form.cleaned_data["email"]})
    return render(request, "subscriptions/subscribe.html", {"form": form})
