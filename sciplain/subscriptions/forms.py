from django import forms

from sciplain.papers.models import Category

TOPICS_LABEL = "Topics (leave all unticked to get everything)"


def _topics_field() -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        queryset=Category.objects.all(), required=False, widget=forms.CheckboxSelectMultiple, label=TOPICS_LABEL,
    )


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    categories = _topics_field()
    website = forms.CharField(required=False, label="Leave this empty")  # honeypot


class PreferencesForm(forms.Form):
    categories = _topics_field()
