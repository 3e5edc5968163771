from django import forms

from sciplain.papers.models import Category


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Your email address", max_length=254)
    categories = forms.ModelMultipleChoiceField(
        queryset=Category.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Topics (leave all unticked to get everything)",
    )
    website = forms.CharField(required=False, label="Leave this empty")  # honeypot
